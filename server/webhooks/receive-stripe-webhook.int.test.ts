import pg from "pg";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { createStripeClient } from "../stripe/client";
import { startSandbox } from "../stripe-sandbox";
import type { InboxEvent } from "./parse-stripe-webhook";
import { processStripeEvent } from "./process-stripe-event";
import { MAX_WEBHOOK_BODY_BYTES } from "./read-limited-body";
import { receiveStripeWebhook, type WebhookReceiverDeps } from "./receive-stripe-webhook";

const secret = "whsec_receive_test";
const stripe = new Stripe("sk_test_receive");
let database: TestDatabase;
let dispatched: InboxEvent[];
let deps: WebhookReceiverDeps;
let inbox: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = new pg.Pool({ connectionString: database.url, max: 2 });
});
afterAll(async () => {
  await inbox.end();
  await database.drop();
});
beforeEach(async () => {
  await database.prisma.stripeEvent.deleteMany();
  dispatched = [];
  deps = { inbox, secrets: [secret], dispatch: async (event) => void dispatched.push(event) };
});

function eventBody(id: string, type = "payment_intent.succeeded", extra = "") {
  return JSON.stringify({
    id,
    object: "event",
    type,
    created: 1_800_000_000,
    livemode: false,
    data: { object: { id: "pi_1", object: "payment_intent", metadata: { order_id: "order-1" } } },
    extra,
  });
}

function post(body: string, signature?: string | null, headers: Record<string, string> = {}) {
  const header =
    signature === undefined ? stripe.webhooks.generateTestHeaderString({ payload: body, secret }) : signature;
  return new Request("http://localhost/api/stripe/webhook", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...(header ? { "stripe-signature": header } : {}), ...headers },
  });
}

async function storedCount() {
  return database.prisma.stripeEvent.count();
}

describe("receiveStripeWebhook", () => {
  it("stores a signed event once, acknowledges every delivery and dispatches only the first", async () => {
    const body = eventBody("evt_first");
    const first = await receiveStripeWebhook(post(body), deps);
    const second = await receiveStripeWebhook(post(body), deps);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(dispatched.map((event) => [event.stripeEventId, event.orderKey])).toEqual([["evt_first", "order-1"]]);
    const stored = await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId: "evt_first" } });
    // The sweeper re-dispatches with the key stored here, so it matches the first dispatch.
    expect(stored).toMatchObject({
      type: "payment_intent.succeeded",
      orderKey: "order-1",
      processedAt: null,
      attempts: 0,
    });
    expect(stored.stripeCreatedAt.getTime()).toBe(1_800_000_000_000);
  });

  it("keys a dispute, which names no order, by the order of its PaymentIntent", async () => {
    const order = await createPendingOrder(database.prisma, 2_000);
    await database.prisma.payment.create({
      data: {
        orderId: order.id,
        stripePaymentIntentId: "pi_disputed",
        status: "succeeded",
        currency: "USD",
        amountMinor: 2_000,
      },
    });
    const dispute = (id: string, paymentIntent: string) =>
      JSON.stringify({
        id,
        object: "event",
        type: "charge.dispute.created",
        created: 1_800_000_000,
        livemode: false,
        data: { object: { id: `dp_${id}`, object: "dispute", charge: "ch_1", payment_intent: paymentIntent } },
      });
    expect((await receiveStripeWebhook(post(dispute("evt_dispute_known", "pi_disputed")), deps)).status).toBe(200);
    expect((await receiveStripeWebhook(post(dispute("evt_dispute_unknown", "pi_elsewhere")), deps)).status).toBe(200);
    expect(dispatched.map((event) => [event.stripeEventId, event.orderKey])).toEqual([
      ["evt_dispute_known", order.id],
      ["evt_dispute_unknown", "pi_elsewhere"],
    ]);
    const stored = await database.prisma.stripeEvent.findMany({ orderBy: { stripeEventId: "asc" } });
    expect(stored.map((row) => row.orderKey)).toEqual([order.id, "pi_elsewhere"]);
  });

  it("stores and acknowledges events PayOps does not act on, already marked ignored", async () => {
    const response = await receiveStripeWebhook(post(eventBody("evt_payout", "payout.reconciliation_completed")), deps);
    expect(response.status).toBe(200);
    expect(dispatched).toEqual([]);
    const stored = await database.prisma.stripeEvent.findUniqueOrThrow({ where: { stripeEventId: "evt_payout" } });
    expect(stored.outcome).toBe("ignored");
    expect(stored.processedAt).not.toBeNull();
  });

  it.each([
    ["a missing signature", () => post(eventBody("evt_x"), null), 400, /missing Stripe-Signature/],
    [
      "a signature made with another secret",
      () => {
        const body = eventBody("evt_x");
        return post(body, stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_other" }));
      },
      400,
      /no signature matches/,
    ],
    [
      "a stale timestamp",
      () => {
        const body = eventBody("evt_x");
        const timestamp = Math.floor(Date.now() / 1000) - 301;
        return post(body, stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }));
      },
      400,
      /tolerance/,
    ],
    ["malformed JSON", () => post('{"id":"evt_x",'), 400, /not valid JSON/],
    ["JSON that is not an event", () => post('{"hello":"world"}'), 400, /evt_ id/],
    [
      "an oversized body",
      () => post(eventBody("evt_x", "payment_intent.succeeded", "x".repeat(MAX_WEBHOOK_BODY_BYTES))),
      413,
      /too large/,
    ],
  ])("answers %s with a 4xx and stores nothing", async (_name, makeRequest, status, reason) => {
    const response = await receiveStripeWebhook(makeRequest(), deps);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(reason);
    expect(await storedCount()).toBe(0);
    expect(dispatched).toEqual([]);
  });

  it("refuses an oversized body even when it lies about its length", async () => {
    const body = eventBody("evt_x", "payment_intent.succeeded", "x".repeat(MAX_WEBHOOK_BODY_BYTES));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const request = new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      body: stream,
      headers: { "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload: body, secret }) },
      duplex: "half",
    } as RequestInit);
    expect((await receiveStripeWebhook(request, deps)).status).toBe(413);
    expect(await storedCount()).toBe(0);
  });

  it("acknowledges even when dispatch fails, since the event is stored for the sweeper", async () => {
    const failing = { ...deps, dispatch: async () => Promise.reject(new Error("queue down")) };
    expect((await receiveStripeWebhook(post(eventBody("evt_dispatch_fails")), failing)).status).toBe(200);
    expect(await storedCount()).toBe(1);
  });

  describe("signed events PostgreSQL cannot hold as sent are stored and acknowledged, never 503 forever", () => {
    const poison = (id: string, object: Record<string, unknown>, created: unknown = 1_800_000_000) =>
      JSON.stringify({
        id,
        object: "event",
        type: "payment_intent.succeeded",
        created,
        livemode: false,
        data: { object },
      });
    const intent = { id: "pi_poison", object: "payment_intent", metadata: { order_id: "order-poison" } };

    it.each([
      ["a NUL in a string", poison("evt_nul", { ...intent, description: "a\u0000b" }), "a\\\\u0000b"],
      ["a lone surrogate", poison("evt_surrogate", { ...intent, description: "x\ud800y" }), "x\\\\ud800y"],
      [
        "a NUL in a key",
        JSON.stringify({
          id: "evt_nul_key",
          object: "event",
          type: "payment_intent.succeeded",
          created: 1_800_000_000,
          data: { object: { ...intent, "k\u0000": 1 } },
        }),
        "k\\\\u0000",
      ],
    ])("%s", async (_name, body, storedText) => {
      const response = await receiveStripeWebhook(post(body), deps);
      expect(response.status).toBe(200);
      const [row] = await database.prisma.$queryRaw<{ payload: string }[]>`
        SELECT payload::text AS payload FROM stripe_events`;
      expect(row!.payload).toContain(storedText);
      expect(dispatched).toHaveLength(1);
    });

    it("an out-of-range created is stored with the time of receipt", async () => {
      for (const [id, created] of [
        ["evt_far_future", 1e20],
        ["evt_far_past", -1e15],
        ["evt_fraction", 1.5e12],
      ] as const) {
        expect((await receiveStripeWebhook(post(poison(id, intent, created)), deps)).status).toBe(200);
      }
      const rows = await database.prisma.stripeEvent.findMany({ orderBy: { stripeEventId: "asc" } });
      expect(rows.map((row) => row.stripeEventId)).toEqual(["evt_far_future", "evt_far_past", "evt_fraction"]);
      for (const row of rows)
        expect(Math.abs(row.stripeCreatedAt.getTime() - row.receivedAt.getTime())).toBeLessThan(60_000);
    });

    it("a NUL in the event id itself is stored under the escaped id, once", async () => {
      const body = poison("evt_\u0000id", intent);
      expect((await receiveStripeWebhook(post(body), deps)).status).toBe(200);
      expect((await receiveStripeWebhook(post(body), deps)).status).toBe(200);
      const rows = await database.prisma.stripeEvent.findMany();
      expect(rows.map((row) => row.stripeEventId)).toEqual(["evt_\\u0000id"]);
      expect(dispatched.map((event) => event.stripeEventId)).toEqual(["evt_\\u0000id"]);
    });

    it("a stored poison event reaches processing and fails there within the retry count, not in the inbox", async () => {
      const sandbox = await startSandbox({ port: 0 });
      try {
        const body = poison("evt_\u0000poison", { ...intent, description: "a\u0000b\ud800" });
        expect((await receiveStripeWebhook(post(body), deps)).status).toBe(200);
        const [event] = dispatched;
        const processing = processStripeEvent(event!.stripeEventId, {
          prisma: database.prisma,
          stripe: createStripeClient({ apiUrl: sandbox.url }),
        });
        // The object it names does not exist: an ordinary, bounded failure the executor retries and parks.
        await expect(processing).rejects.toThrow(/No such payment_intent/);
        const row = await database.prisma.stripeEvent.findUniqueOrThrow({
          where: { stripeEventId: event!.stripeEventId },
        });
        expect(row).toMatchObject({ attempts: 1, processedAt: null });
        expect(row.lastError).toMatch(/No such payment_intent/);
      } finally {
        await sandbox.stop();
      }
    });
  });
});
