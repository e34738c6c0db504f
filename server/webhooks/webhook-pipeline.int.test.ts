import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { controlHeaders } from "../stripe-sandbox";
import { replayStripeEvents } from "./replay-stripe-events";
import { startWebhookHarness, type WebhookHarness } from "./webhook-test-harness";

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

async function pay(paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  const order = await createPendingOrder(database.prisma, 2_000);
  const params: Stripe.PaymentIntentCreateParams = {
    amount: 2_000,
    currency: "usd",
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    ...extra,
  };
  const created = await harness.stripe.paymentIntents.create(params);
  const confirmed = await harness.stripe.paymentIntents
    .confirm(created.id, { payment_method: paymentMethod })
    .catch((error: { payment_intent?: Stripe.PaymentIntent }) => error.payment_intent ?? created);
  await harness.settle();
  return { orderId: order.id, paymentIntent: confirmed };
}

async function orderWithHistory(orderId: string) {
  return database.prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { statusHistory: { orderBy: { createdAt: "asc" } }, payments: true },
  });
}

describe("webhook pipeline against the sandbox", () => {
  it("marks a card payment paid once, processes every event and posts the capture to the ledger", async () => {
    const { orderId, paymentIntent } = await pay("pm_card_visa");
    const order = await orderWithHistory(orderId);
    expect(order.status).toBe("paid");
    expect(order.statusHistory.filter((row) => row.toStatus === "paid")).toHaveLength(1);
    expect(order.payments[0]).toMatchObject({ status: "succeeded", amountCapturedMinor: 2_000 });

    const events = await database.prisma.stripeEvent.findMany({
      where: { payload: { path: ["data", "object", "metadata", "order_id"], equals: orderId } },
    });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.processedAt !== null && event.lastError === null)).toBe(true);

    const postings = await database.prisma.ledgerTransaction.findMany({
      where: { stripePaymentIntentId: paymentIntent.id, kind: "payment_captured" },
    });
    expect(postings).toHaveLength(1);
  });

  it("records a decline as a retryable failure", async () => {
    const { orderId } = await pay("pm_card_visa_chargeDeclined");
    const order = await orderWithHistory(orderId);
    expect(order.status).toBe("payment_failed");
    expect(order.payments[0]?.lastPaymentError).toMatch(/declined/i);
  });

  it("holds a manual-capture payment for review, then marks it paid on capture", async () => {
    const { orderId, paymentIntent } = await pay("pm_card_visa", { capture_method: "manual" });
    expect((await orderWithHistory(orderId)).status).toBe("in_review");
    await harness.stripe.paymentIntents.capture(paymentIntent.id);
    await harness.settle();
    const order = await orderWithHistory(orderId);
    expect(order.statusHistory.map((row) => row.toStatus)).toEqual(["in_review", "paid"]);
  });

  it("follows a partial and then a full refund", async () => {
    const { orderId, paymentIntent } = await pay("pm_card_visa");
    await harness.stripe.refunds.create({ payment_intent: paymentIntent.id, amount: 500 });
    await harness.settle();
    expect((await orderWithHistory(orderId)).status).toBe("partially_refunded");
    await harness.stripe.refunds.create({ payment_intent: paymentIntent.id });
    await harness.settle();
    const order = await orderWithHistory(orderId);
    expect(order.status).toBe("refunded");
    expect(order.payments[0]?.amountRefundedMinor).toBe(2_000);
  });

  it("records a dispute for the disputes work and moves the order to disputed, then to the outcome", async () => {
    const { orderId, paymentIntent } = await pay("pm_card_createDispute");
    const order = await orderWithHistory(orderId);
    expect(order.status).toBe("disputed");
    const dispute = await database.prisma.dispute.findFirstOrThrow({ where: { orderId } });
    const settled = await fetch(`${harness.sandbox.url}/_sandbox/disputes/${dispute.stripeDisputeId}/settle`, {
      method: "POST",
      headers: controlHeaders(harness.sandbox.controlToken),
      body: JSON.stringify({ outcome: "lost" }),
    });
    expect(settled.ok).toBe(true);
    await harness.settle();
    const after = await orderWithHistory(orderId);
    // The dispute's events may be processed before the payment's own: the order can then go from
    // pending_payment straight to disputed. Either way it moves forward only, once per state.
    const statuses = after.statusHistory.map((row) => row.toStatus);
    expect(statuses.slice(-2)).toEqual(["disputed", "dispute_lost"]);
    expect(["paid,disputed,dispute_lost", "disputed,dispute_lost"]).toContain(
      statuses.filter((status) => status !== "pending_payment").join(","),
    );
    expect(paymentIntent.id).toBe(after.payments[0]?.stripePaymentIntentId);
  });

  it("replays stored events without changing anything already applied", async () => {
    const { orderId } = await pay("pm_card_visa");
    const before = await orderWithHistory(orderId);
    const report = await replayStripeEvents(
      { since: new Date(0) },
      { prisma: database.prisma, stripe: harness.stripe },
    );
    expect(report.failed).toEqual([]);
    expect(report.outcomes.applied ?? 0).toBe(0);
    const after = await orderWithHistory(orderId);
    expect(after.status).toBe(before.status);
    expect(after.statusHistory).toHaveLength(before.statusHistory.length);
  });
});
