// PayOps's HTTP server: Next.js (dev or production build) behind a node:http server of our own,
// started by scripts/run-app.ts. It exists because `next start` keeps a client's
// X-Forwarded-For as sent and drops the socket address, so nobody could tell a forged header from
// a proxy's. Here every request gets the peer address appended (server/security/client-ip.ts
// reads it, trusting TRUSTED_PROXY_HOPS entries before it), and its request id (X-Request-Id,
// on every log line it writes and on its answer).
import { createServer } from "node:http";
import next from "next";
import { serveWithRequestId } from "../server/observability/request-context";
import { appendPeerAddress } from "./append-peer-address";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/next-server.ts dev|start");
  process.exit(2);
}
const port = Number(process.env.PORT || 3000);
const app = next({ dev: mode === "dev", port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
const upgrade = app.getUpgradeHandler();

// A proxy in front (TRUSTED_PROXY_HOPS > 0) may name the request; otherwise PayOps does.
const trustProxy = Number(process.env.TRUSTED_PROXY_HOPS || 0) > 0;
const server = createServer((request, response) => {
  appendPeerAddress(request);
  serveWithRequestId(request, response, trustProxy, () => void handle(request, response));
});
server.on("upgrade", (request, socket, head) => {
  appendPeerAddress(request);
  void upgrade(request, socket, head);
});
server.listen(port, () =>
  console.log(`Next.js ${mode === "dev" ? "development" : "production"} server on port ${port}`),
);

const close = () => server.close(() => process.exit(0));
process.on("SIGTERM", close);
process.on("SIGINT", close);
