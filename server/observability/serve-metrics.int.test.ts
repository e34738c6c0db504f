import pg from "pg";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { receiveStripeWebhook } from "../webhooks/receive-stripe-webhook";
import { serveMetrics } from "./serve-metrics";

const TOKEN = "metrics-token-for-tests-0123";
const secret = "whsec_metrics_test";
let database: TestDatabase;
let inbox: pg.Pool;
let clock = 1_000_000;

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = new pg.Pool({ connectionString: database.url, max: 2 });
});
afterAll(async () => {
  await inbox.end();
  await database.drop();
});

function scrape(authorization?: string, token: string | null = TOKEN) {
  const request = new Request("http://localhost/api/metrics", {
    headers: authorization ? { authorization } : {},
  });
  return serveMetrics(request, { token: token ?? undefined, prisma: () => database.prisma, now: () => clock });
}

/** The value of one series in Prometheus's text format, e.g. `payops_x_total{type="a"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  if (line === undefined) return undefined;
  const value = line.slice(series.length + 1);
  return value === "+Inf" ? Number.POSITIVE_INFINITY : Number(value);
}

function signedPost(body: string, signatureSecret = secret) {
  const header = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload: body, secret: signatureSecret });
  return new Request("http://localhost/api/stripe/webhook", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "stripe-signature": header },
  });
}

describe("/api/metrics", () => {
  it("is off without METRICS_TOKEN and refuses a missing or wrong bearer token", async () => {
    expect((await scrape(`Bearer ${TOKEN}`, null)).status).toBe(404);
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });

  it("reads the inbox backlog from the database, at most every 5 s", async () => {
    await database.prisma.stripeEvent.create({
      data: {
        stripeEventId: "evt_waiting_1",
        type: "payment_intent.succeeded",
        orderKey: "evt_waiting_1",
        payload: {},
        stripeCreatedAt: new Date(),
        receivedAt: new Date(Date.now() - 600_000),
      },
    });
    clock += 10_000;
    const first = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(first, "payops_webhook_inbox_depth")).toBe(1);
    expect(sample(first, "payops_webhook_inbox_oldest_unprocessed_age_seconds")).toBeGreaterThanOrEqual(600);
    expect(sample(first, "payops_disputes_open")).toBe(0);
    expect(sample(first, "payops_dispute_evidence_deadline_seconds")).toBe(Number.POSITIVE_INFINITY);
    expect(sample(first, 'payops_db_pool_connections{pool="app",state="in_use"}')).toBeUndefined();

    await database.prisma.stripeEvent.create({
      data: {
        stripeEventId: "evt_waiting_2",
        type: "charge.refunded",
        orderKey: "evt_waiting_2",
        payload: {},
        stripeCreatedAt: new Date(),
      },
    });
    clock += 1_000;
    expect(sample(await (await scrape(`Bearer ${TOKEN}`)).text(), "payops_webhook_inbox_depth")).toBe(1);
    clock += 5_000;
    expect(sample(await (await scrape(`Bearer ${TOKEN}`)).text(), "payops_webhook_inbox_depth")).toBe(2);

    // A dead letter leaves the backlog (it waits for a person, not for processing) and is counted as one.
    await database.prisma.stripeEvent.update({
      where: { stripeEventId: "evt_waiting_1" },
      data: { deadAt: new Date() },
    });
    clock += 5_000;
    const parked = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(parked, "payops_webhook_inbox_depth")).toBe(1);
    expect(sample(parked, 'payops_dead_letters_open{kind="stripe_event"}')).toBe(1);
    expect(sample(parked, 'payops_dead_letters_open{kind="outbox_effect"}')).toBe(0);
    expect(sample(parked, "payops_outbox_pending")).toBe(0);

    await database.prisma.stripeEvent.updateMany({ data: { processedAt: new Date() } });
    clock += 5_000;
    const drained = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(drained, "payops_webhook_inbox_depth")).toBe(0);
    expect(sample(drained, "payops_webhook_inbox_oldest_unprocessed_age_seconds")).toBe(0);
  });

  it("counts received events, signature failures and acknowledgement latency", async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const deps = { inbox, secrets: [secret], dispatch: async () => {} };
    const body = JSON.stringify({
      id: "evt_counted",
      object: "event",
      type: "refund.updated",
      created: 1_800_000_000,
      data: { object: { id: "re_1" } },
    });
    expect((await receiveStripeWebhook(signedPost(body), deps)).status).toBe(200);
    expect((await receiveStripeWebhook(signedPost(body, "whsec_rotated_away"), deps)).status).toBe(400);
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('payops_webhook_events_received_total{type="refund.updated"}')).toBe(1);
    expect(delta('payops_webhook_rejected_total{reason="signature"}')).toBe(1);
    expect(delta('payops_webhook_ack_duration_seconds_count{status="200"}')).toBe(1);
    expect(delta('payops_webhook_ack_duration_seconds_count{status="400"}')).toBe(1);
  });
});
