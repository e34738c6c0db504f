import http from "node:http";
import Stripe from "stripe";

const signer = new Stripe("sk_test_bench_signer");
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export type Delivery = { status: number; ms: number };
export type DeliveryFigures = {
  sent: number;
  ok: number;
  perSecond: number;
  seconds: number;
  p50: number;
  p99: number;
};

/** Posts one body to the webhook route, signed now with `secret`, as Stripe does per attempt. */
export function deliver(port: number, body: string, secret: string): Promise<Delivery> {
  const signature = signer.webhooks.generateTestHeaderString({ payload: body, secret });
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/stripe/webhook",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "stripe-signature": signature,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    request.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    request.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function figures(results: Delivery[], seconds: number, expected: number): DeliveryFigures {
  const ok = results.filter((result) => result.status === expected);
  const latencies = ok.map((result) => result.ms).sort((a, b) => a - b);
  return {
    sent: results.length,
    ok: ok.length,
    perSecond: Math.round(ok.length / seconds),
    seconds: Math.round(seconds * 100) / 100,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}

/** Closed loop over a list: `concurrency` senders, each posting its next body once the last is answered. */
export async function deliverAll(
  port: number,
  bodies: readonly string[],
  secret: string,
  concurrency: number,
  expected = 200,
): Promise<DeliveryFigures> {
  const results: Delivery[] = [];
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      results.push(await deliver(port, body, secret));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return figures(results, (performance.now() - started) / 1000, expected);
}

/** Closed loop for `seconds`: what the route answers flat out (forged bodies are refused with 400). */
export async function deliverFor(
  port: number,
  makeBody: () => string,
  secret: string,
  seconds: number,
  concurrency: number,
  expected: number,
): Promise<DeliveryFigures> {
  const results: Delivery[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const sender = async () => {
    while (performance.now() < until) results.push(await deliver(port, makeBody(), secret));
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return figures(results, (performance.now() - started) / 1000, expected);
}

/** Open loop: one body every 1/rate s, whatever the answers take (a steady offered rate). */
export async function deliverAtRate(
  port: number,
  bodies: readonly string[],
  secret: string,
  rate: number,
): Promise<DeliveryFigures> {
  const started = performance.now();
  const inFlight: Promise<Delivery>[] = [];
  for (let index = 0; index < bodies.length; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(deliver(port, bodies[index]!, secret));
  }
  const results = await Promise.all(inFlight);
  return figures(results, bodies.length / rate, 200);
}

export function closeDeliveries(): void {
  agent.destroy();
}
