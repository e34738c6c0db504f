import { randomUUID } from "node:crypto";
import pg from "pg";
import Stripe from "stripe";
import { isHandledEventType } from "../server/webhooks/handled-event-types";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_METRICS_TOKEN, E2E_SANDBOX_URL } from "./e2e-env";
import { expect, test } from "./fixtures";
import { type RunningPrometheus, startPrometheus } from "./prometheus-server";

// Runs after every other spec, one quiet file at a time (playwright.config.ts), so the app is otherwise idle and the
// processed-events counter moves only for the events this test causes. Alone:
// `npm run test:e2e -- --no-deps e2e/prometheus-metrics.spec.ts`.
const PROCESSED = "sum(payops_stripe_events_processed_total) or vector(0)";
const PAYMENTS = 3;

const sandboxUrl = new URL(E2E_SANDBOX_URL);
const stripe = new Stripe("sk_test_payops_sandbox", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

let prometheus: RunningPrometheus;
test.beforeAll(async () => {
  prometheus = await startPrometheus({ target: new URL(E2E_BASE_URL).host, token: E2E_METRICS_TOKEN });
});
test.afterAll(async () => {
  await prometheus?.stop();
});

async function sql<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Events stored and not yet processed; the counter is only steady when none wait. */
async function waiting(): Promise<number> {
  const [row] = await sql<{ count: number }>(
    "SELECT count(*)::int AS count FROM stripe_events WHERE processed_at IS NULL",
  );
  return row?.count ?? 0;
}

/** Starts a checkout through the app's public API, as the checkout page does, and pays it by card. */
async function payOneOrder(productId: string): Promise<string> {
  const response = await fetch(`${E2E_BASE_URL}/api/trpc/checkout.start`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      json: {
        checkoutKey: `prometheus-${randomUUID()}`,
        email: `prometheus-${randomUUID().slice(0, 8)}@example.com`,
        shipping: {
          name: "Ada Lovelace",
          line1: "12 St James's Square",
          city: "London",
          postalCode: "SW1Y 4JH",
          country: "GB",
        },
        cart: { currency: "USD", lines: [{ productId, quantity: 1 }] },
      },
    }),
  });
  expect(response.status).toBe(200);
  const { result } = (await response.json()) as { result: { data: { json: { paymentIntentId: string } } } };
  const paymentIntentId = result.data.json.paymentIntentId;
  const confirmed = await stripe.paymentIntents.confirm(paymentIntentId, {
    payment_method: "pm_card_visa",
    return_url: `${E2E_BASE_URL}/`,
  });
  expect(confirmed.status).toBe("succeeded");
  return paymentIntentId;
}

test("a real Prometheus scrapes /api/metrics and counts exactly the events the test sent", async ({ request }) => {
  test.setTimeout(120_000);
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect(
    (await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status(),
  ).toBe(401);

  await expect.poll(() => prometheus.query('up{job="payops"}'), { timeout: 20_000 }).toBe(1);
  // Whatever earlier specs left in flight settles first; then the counter is the baseline.
  await expect.poll(waiting, { timeout: 30_000 }).toBe(0);
  await expect
    .poll(
      async () => {
        const [first, second] = [
          await prometheus.query(PROCESSED),
          await new Promise((r) => setTimeout(r, 2_500)).then(() => prometheus.query(PROCESSED)),
        ];
        return first !== null && first === second;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const before = (await prometheus.query(PROCESSED)) ?? 0;

  const [product] = await sql<{ id: string }>("SELECT id FROM products WHERE slug = 'stoneware-mug'");
  const paymentIntents: string[] = [];
  for (let index = 0; index < PAYMENTS; index += 1) paymentIntents.push(await payOneOrder(product!.id));

  // What the sandbox sent about these payments, of the types PayOps processes (others are only
  // stored), once every delivery has been processed and Prometheus has scraped since.
  const sentEvents = async () => {
    const events = await stripe.events.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
    return events.filter((event) => {
      const object = event.data.object as { id?: string; payment_intent?: string };
      return (
        isHandledEventType(event.type) && paymentIntents.some((id) => object.id === id || object.payment_intent === id)
      );
    }).length;
  };
  await expect.poll(waiting, { timeout: 30_000 }).toBe(0);
  await expect
    .poll(async () => ((await prometheus.query(PROCESSED)) ?? 0) - before === (await sentEvents()), { timeout: 30_000 })
    .toBe(true);
  const sent = await sentEvents();
  expect(sent).toBeGreaterThanOrEqual(PAYMENTS * 2);
  expect(((await prometheus.query(PROCESSED)) ?? 0) - before).toBe(sent);
  const succeeded = await prometheus.query(
    'sum(payops_stripe_events_processed_total{type="payment_intent.succeeded"})',
  );
  expect(succeeded).toBeGreaterThanOrEqual(PAYMENTS);
  // The inbox gauge is read from the database at most every 5 s.
  await expect.poll(() => prometheus.query("max(payops_webhook_inbox_depth)"), { timeout: 15_000 }).toBe(0);
});
