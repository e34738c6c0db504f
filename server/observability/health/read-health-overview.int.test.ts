import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { createPendingOrder } from "../../orders/order-test-fixtures";
import { startWebhookHarness, type WebhookHarness } from "../../webhooks/webhook-test-harness";
import { readHealthOverview } from "./read-health-overview";

let database: TestDatabase;
let harness: WebhookHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  harness = await startWebhookHarness({
    prisma: database.prisma,
    databaseUrl: database.url,
    sandboxConfig: { timing: { chargeBalanceTransactionDelayMs: 20, refundSettleDelayMs: 20 } },
  });
});
afterAll(async () => {
  await harness?.stop();
  await database?.drop();
});

/** Pays (or fails to pay) a new order with a Stripe test card, through the real webhook pipeline. */
async function checkout(paymentMethod: string, currency = "usd"): Promise<string> {
  const order = await createPendingOrder(database.prisma, 2_000, currency.toUpperCase());
  const intent = await harness.stripe.paymentIntents.create({
    amount: 2_000,
    currency,
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: "always" },
  });
  await harness.stripe.paymentIntents
    .confirm(intent.id, { payment_method: paymentMethod, return_url: "http://shop.test/checkout/return" })
    .catch((error: { type?: string }) => {
      if (error.type !== "StripeCardError") throw error;
    });
  return intent.id;
}

/** The customer's answer on the bank's 3-D Secure page. */
async function authenticate(paymentIntentId: string, outcome: "complete" | "fail"): Promise<void> {
  const intent = await harness.stripe.paymentIntents.retrieve(paymentIntentId);
  const answer = await fetch(new URL(`/3ds/${intent.id}`, harness.sandbox.url), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_secret: intent.client_secret!, outcome }),
  });
  expect(answer.status).toBe(303);
}

describe("the Health page's figures", () => {
  it("count authorisations, declines by code and 3-D Secure per currency from what the webhooks stored", async () => {
    await checkout("pm_card_visa");
    await checkout("pm_card_visa");
    await checkout("pm_card_chargeDeclined");
    await checkout("pm_card_visa_chargeDeclinedInsufficientFunds");
    const passed = await checkout("pm_card_threeDSecure2Required");
    const failed = await checkout("pm_card_threeDSecure2Required");
    await harness.settle();
    await authenticate(passed, "complete");
    await authenticate(failed, "fail");
    await checkout("pm_card_visa", "eur");
    await harness.settle();

    const overview = await readHealthOverview(database.prisma, "day");
    const usd = overview.payments.find((row) => row.currency === "USD");
    expect(usd).toMatchObject({
      attempted: 6,
      authorisation: { count: 3, of: 6 },
      threeDSecureChallenge: { count: 2, of: 6 },
      threeDSecureSuccess: { count: 1, of: 2 },
      refund: { count: 0, of: 3 },
      dispute: { count: 0, of: 3 },
    });
    expect(usd?.declinesByCode).toEqual(
      expect.arrayContaining([
        { code: "generic_decline", count: 1 },
        { code: "insufficient_funds", count: 1 },
        { code: "payment_intent_authentication_failure", count: 1 },
      ]),
    );
    expect(overview.payments.find((row) => row.currency === "EUR")).toMatchObject({
      attempted: 1,
      authorisation: { count: 1, of: 1 },
    });

    // The last hour holds the events and attempts; nothing waits, no alert the database can judge fires.
    expect(overview.series).toHaveLength(24);
    const lastHour = overview.series.at(-1)!;
    expect(lastHour.eventsReceived).toBeGreaterThanOrEqual(7);
    expect(lastHour.eventsProcessed).toBe(lastHour.eventsReceived);
    expect(lastHour).toMatchObject({
      inboxBacklog: 0,
      checkoutAttempts: 7,
      checkoutAuthorised: 4,
      checkoutDeclined: 3,
    });
    expect(overview.series.slice(0, -1).every((point) => point.eventsReceived === 0)).toBe(true);
    expect(overview.alerts.filter((alert) => alert.state === "firing")).toEqual([]);
    expect(overview.alerts.filter((alert) => alert.state === "unknown").map((alert) => alert.alert)).toEqual([
      "PayopsWebhookSignatureFailures",
      "PayopsStripeApiErrorRate",
    ]);
  });

  it("show the inbox backlog at each bucket's end, and the oldest waiting event's age", async () => {
    const received = new Date(Date.now() - 90 * 60_000);
    await database.prisma.stripeEvent.create({
      data: {
        stripeEventId: "evt_waiting_for_health",
        type: "payment_intent.succeeded",
        payload: {},
        orderKey: "evt_waiting_for_health",
        stripeCreatedAt: received,
        receivedAt: received,
      },
    });
    const { series, now } = await readHealthOverview(database.prisma, "day");
    expect(series.at(-1)?.inboxBacklog).toBe(1);
    expect(series.at(-2)?.inboxBacklog).toBe(1);
    expect(series.at(-3)?.inboxBacklog).toBe(0);
    expect(series.at(-1)?.inboxOldestAgeSeconds).toBeGreaterThanOrEqual(90 * 60);
    expect(now.inboxDepth).toBe(1);
    const alerts = await readHealthOverview(database.prisma, "month");
    expect(alerts.series).toHaveLength(30);
    expect(alerts.alerts.find((alert) => alert.alert === "PayopsInboxBacklogStale")?.state).toBe("firing");
  });

  it("judge the decline-rate alert per currency: 20 GBP payments, mostly declined, against a quiet day", async () => {
    const judge = async () =>
      (await readHealthOverview(database.prisma, "day")).alerts.find(
        (alert) => alert.alert === "PayopsCheckoutDeclineRateJump",
      );
    const record = async (index: number, declined: boolean) => {
      const order = await createPendingOrder(database.prisma, 1_000, "GBP");
      await database.prisma.payment.create({
        data: {
          orderId: order.id,
          stripePaymentIntentId: `pi_health_gbp_${index}`,
          status: declined ? "requires_payment_method" : "succeeded",
          currency: "GBP",
          amountMinor: 1_000,
          declineCode: declined ? "insufficient_funds" : null,
          authorisedAt: declined ? null : new Date(),
        },
      });
    };
    for (let index = 0; index < 19; index += 1) await record(index, index % 2 === 0);
    // 19 results: below the rule's floor of 20, so nothing fires yet.
    expect(await judge()).toMatchObject({ state: "quiet" });
    await record(19, true);
    expect(await judge()).toMatchObject({ state: "firing", value: 11 / 20 });
  });
});
