// The baseline for bench-webhooks: a bare node:http server doing exactly the webhook route's
// verify-and-insert (same functions, same pg pool size), without Next.js. Started by the bench.
import http from "node:http";
import pg from "pg";
import { insertInboxEvent } from "../server/webhooks/insert-inbox-event";
import { parseStripeWebhook } from "../server/webhooks/parse-stripe-webhook";
import { MAX_WEBHOOK_BODY_BYTES } from "../server/webhooks/read-limited-body";

const databaseUrl = process.env.DATABASE_URL;
const secret = process.env.STRIPE_WEBHOOK_SECRET;
if (!databaseUrl || !secret) throw new Error("DATABASE_URL and STRIPE_WEBHOOK_SECRET are required");
const inbox = new pg.Pool({ connectionString: databaseUrl, max: 10 });

function reply(res: http.ServerResponse, status: number, body: object) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_WEBHOOK_BODY_BYTES) chunks.push(chunk);
  });
  req.on("end", () => {
    if (size > MAX_WEBHOOK_BODY_BYTES) return reply(res, 413, { error: "body too large" });
    const signature = req.headers["stripe-signature"];
    const parsed = parseStripeWebhook(Buffer.concat(chunks), typeof signature === "string" ? signature : null, [
      secret,
    ]);
    if (!parsed.ok) return reply(res, parsed.status, { error: parsed.reason });
    insertInboxEvent(inbox, parsed.event).then(
      () => reply(res, 200, { received: true }),
      () => reply(res, 503, { error: "not stored" }),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === "object" && address ? address.port : ""}`);
});
process.on("SIGTERM", () => server.close(() => void inbox.end().then(() => process.exit(0))));
