// Stands in for an OpenTelemetry collector in the webhook benchmark: takes every OTLP/HTTP export,
// counts it by the first path segment (each app exports to a path of its own) and answers 200.
// A process of its own, as a collector is: receiving spans must not slow the benchmark's sender.
// GET /tally answers the counts as JSON.
//
//   PORT=12221 tsx scripts/bench-webhooks/otlp-receiver.ts
import http from "node:http";

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error("PORT must be set to the port to listen on");

const received: Record<string, { requests: number; bytes: number }> = {};

const server = http.createServer((request, response) => {
  if (request.method === "GET" && request.url === "/tally") {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
    return;
  }
  const key = (request.url ?? "/").split("/")[1] ?? "";
  const tally = received[key] ?? { requests: 0, bytes: 0 };
  received[key] = tally;
  request.on("data", (chunk: Buffer) => {
    tally.bytes += chunk.length;
  });
  request.on("end", () => {
    tally.requests += 1;
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
