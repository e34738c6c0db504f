import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface ReceivedEvent {
  event: Stripe.Event;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every delivery whose signature `constructEvent` verified, in arrival order. */
  received: ReceivedEvent[];
  rejected: string[];
  setSecret(secret: string): void;
  /** Answer this status instead of 200 (for retry tests). */
  respondWith(status: number): void;
  waitFor(predicate: (events: ReceivedEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const verifier = new Stripe("sk_test_receiver");

/** A local endpoint that verifies every delivery as the app does: raw body, Stripe-Signature, the endpoint's secret. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let secret = "";
  let status = 200;
  const received: ReceivedEvent[] = [];
  const rejected: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        const event = verifier.webhooks.constructEvent(body, String(req.headers["stripe-signature"]), secret);
        if (status >= 200 && status < 300) received.push({ event, receivedAt: Date.now() });
        res.writeHead(status).end();
      } catch (error) {
        rejected.push((error as Error).message);
        res.writeHead(400).end();
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    rejected,
    setSecret: (value) => {
      secret = value;
    },
    respondWith: (value) => {
      status = value;
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for webhooks`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
