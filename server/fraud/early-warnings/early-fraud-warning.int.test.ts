import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { dispatchDueEffects } from "../../jobs/outbox/dispatch-due-effects";
import { getOrderDetail } from "../../orders-workspace/get-order-detail";
import { REFUND_EFFECTS } from "../../refunds/refund-effects";
import { createTestStaff, seedPaidOrder } from "../../refunds/testing/seed-paid-order";
import { controlHeaders } from "../../stripe-sandbox";
import { processStripeEvent } from "../../webhooks/process-stripe-event";
import { startWebhookHarness, type WebhookHarness } from "../../webhooks/webhook-test-harness";
import { listReviewQueue } from "../review/list-review-queue";
import { settleReview } from "../review/settle-review";

let database: TestDatabase;
let harness: WebhookHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  harness = await startWebhookHarness({
    prisma: database.prisma,
    databaseUrl: database.url,
    sandboxConfig: { timing: { chargeBalanceTransactionDelayMs: 0, refundSettleDelayMs: 10 } },
  });
});
afterAll(async () => {
  await harness?.stop();
  await database?.drop();
});

async function control<T>(route: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${harness.sandbox.url}/_sandbox${route}`, {
    method: "POST",
    headers: controlHeaders(harness.sandbox.controlToken),
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A paid order, then the card network's warning on its charge, delivered and processed. */
async function warnedOrder(totalMinor: number) {
  const order = await seedPaidOrder(database.prisma, harness.stripe, {
    lines: [{ name: "Stoneware mug", quantity: 1, lineTotalMinor: totalMinor }],
  });
  await harness.settle();
  const intent = await harness.stripe.paymentIntents.retrieve(order.paymentIntentId);
  const warning = await control<Stripe.Radar.EarlyFraudWarning>(
    `/charges/${intent.latest_charge as string}/early_fraud_warning`,
  );
  await harness.settle();
  const [event] = (
    await harness.stripe.events.list({ type: "radar.early_fraud_warning.created", limit: 100 })
  ).data.filter((candidate) => (candidate.data.object as { id: string }).id === warning.id);
  return { ...order, warning, eventId: event!.id };
}

const deps = () => ({ prisma: database.prisma, stripe: harness.stripe });

describe("early fraud warnings", () => {
  it("below the threshold refunds in full once, through the outbox; a redelivered or replayed warning refunds nothing more", async () => {
    const { orderId, paymentIntentId, warning, eventId } = await warnedOrder(4_500);
    const stored = await database.prisma.fraudEarlyWarning.findUniqueOrThrow({
      where: { stripeWarningId: warning.id },
    });
    expect(stored).toMatchObject({
      orderId,
      policyAction: "refunded",
      amountMinor: 4_500,
      fraudType: "made_with_stolen_card",
    });
    const refunds = await database.prisma.refund.findMany({ where: { orderId } });
    expect(refunds).toEqual([
      expect.objectContaining({ id: stored.refundId, amountMinor: 4_500, reasonCode: "fraudulent", source: "system" }),
    ]);
    const audit = await database.prisma.auditLog.findMany({ where: { subjectId: { in: [orderId, refunds[0]!.id] } } });
    expect(audit.map((entry) => [entry.action, entry.actorKind]).sort()).toEqual([
      ["fraud.early_warning_applied", "system"],
      ["refund.requested", "system"],
    ]);

    await dispatchDueEffects(REFUND_EFFECTS, deps());
    await harness.settle();
    expect((await harness.stripe.refunds.list({ payment_intent: paymentIntentId })).data).toHaveLength(1);

    // Stripe delivers the same event again, and an admin replays it: nothing more is refunded.
    await control(`/events/${eventId}/resend`);
    await harness.settle();
    expect((await processStripeEvent(eventId, { ...deps(), replay: true })).outcome).toBe("stale");
    await dispatchDueEffects(REFUND_EFFECTS, deps());
    expect((await harness.stripe.refunds.list({ payment_intent: paymentIntentId })).data).toHaveLength(1);
    expect(await database.prisma.refund.count({ where: { orderId } })).toBe(1);
    expect(await database.prisma.fraudEarlyWarning.count({ where: { orderId } })).toBe(1);
    expect(await database.prisma.fraudReview.count({ where: { orderId } })).toBe(0);
    const detail = await getOrderDetail(database.prisma, orderId, { canReadLedger: false });
    expect(detail.earlyFraudWarnings).toEqual([
      expect.objectContaining({ stripeWarningId: warning.id, policyAction: "refunded" }),
    ]);
  });

  it("above the threshold puts the order in the review queue; refunding there sends one refund", async () => {
    const { orderId, paymentIntentId, warning } = await warnedOrder(25_000);
    expect(
      await database.prisma.fraudEarlyWarning.findUniqueOrThrow({ where: { stripeWarningId: warning.id } }),
    ).toMatchObject({
      policyAction: "queued",
      refundId: null,
    });
    expect(await database.prisma.refund.count({ where: { orderId } })).toBe(0);
    const item = (await listReviewQueue(database.prisma)).find((entry) => entry.orderId === orderId);
    expect(item).toMatchObject({
      source: "early_fraud_warning",
      captured: true,
      authorisationExpiresAt: null,
      amountMinor: 25_000,
    });

    const analyst = await createTestStaff(database.prisma, "risk");
    const reject = () =>
      settleReview(
        {
          reviewId: item!.id,
          verdict: "reject",
          staffUserId: analyst.id,
          reason: "Customer confirmed the card was stolen",
        },
        deps(),
      );
    const [first, second] = await Promise.all([reject(), reject()]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    await dispatchDueEffects(REFUND_EFFECTS, deps());
    await harness.settle();
    const refunds = await harness.stripe.refunds.list({ payment_intent: paymentIntentId });
    expect(refunds.data.map((refund) => refund.amount)).toEqual([25_000]);
    expect(await database.prisma.refund.findFirstOrThrow({ where: { orderId } })).toMatchObject({
      source: "staff",
      requestedById: analyst.id,
      reasonCode: "fraudulent",
    });
    expect((await listReviewQueue(database.prisma)).some((entry) => entry.orderId === orderId)).toBe(false);
  });
});
