import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { seedCatalogue } from "../../catalogue/seed-catalogue";
import { createCheckout } from "../../checkout/create-checkout";
import { runTransaction } from "../../db/run-transaction";
import { dispatchDueEffects } from "../../jobs/outbox/dispatch-due-effects";
import { PAYMENT_INTENT_EFFECTS } from "../../orders/payment-intent-effects";
import { REFUND_EFFECTS } from "../../refunds/refund-effects";
import { createStripeClient } from "../../stripe/client";
import { type RunningSandbox, startSandbox } from "../../stripe-sandbox";
import { preparePaymentIntentChange } from "../../webhooks/apply-payment-intent-change";
import { STRIPE_EVENT_HANDLERS } from "../../webhooks/stripe-event-handlers";
import { forgetRuleSet } from "../load-rule-set";
import { listReviewQueue } from "./list-review-queue";
import { settleReview } from "./settle-review";
import { STRIPE_REVIEW_EFFECTS } from "./stripe-review-effects";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let productId: string;
let analystId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0 });
  stripe = createStripeClient({ apiUrl: sandbox.url });
  await seedCatalogue(database.prisma);
  productId = (await database.prisma.product.findFirstOrThrow({ orderBy: { slug: "asc" } })).id;
  analystId = (
    await database.prisma.staffUser.create({
      data: { email: "risk@example.test", name: "Rita Risk", role: "risk", passwordHash: "x" },
    })
  ).id;
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});
beforeEach(async () => {
  await database.prisma.fraudRule.deleteMany();
  forgetRuleSet();
});

const deps = () => ({ prisma: database.prisma, stripe });
const EFFECTS = { ...PAYMENT_INTENT_EFFECTS, ...REFUND_EFFECTS, ...STRIPE_REVIEW_EFFECTS };

/** A rule that reads Radar's risk makes capture manual, so the money is only authorised. */
async function holdPaymentsForPostAuthorisationChecks() {
  await database.prisma.fraudRule.create({
    data: { source: "Block if :risk_level: = 'highest'", position: 0, action: "block" },
  });
  forgetRuleSet();
}

async function pay(card: string, options: { processAuthorisation?: boolean } = {}) {
  const session = await createCheckout(
    {
      checkoutKey: `radar-${randomBytes(6).toString("hex")}`,
      email: `radar-${randomBytes(4).toString("hex")}@example.test`,
      shipping: { name: "Ada Lovelace", line1: "1 Main St", city: "London", postalCode: "SW1", country: "GB" },
      cart: { currency: "USD", lines: [{ productId, quantity: 1 }] },
    },
    deps(),
  );
  const confirmed = await stripe.paymentIntents.confirm(session.paymentIntentId, { payment_method: card });
  if (options.processAuthorisation ?? true) await processPaymentIntent(session.paymentIntentId);
  const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
  const stripeReviewId = typeof confirmed.review === "string" ? confirmed.review : (confirmed.review?.id ?? null);
  return { paymentIntentId: session.paymentIntentId, orderId: order.id, stripeReviewId: stripeReviewId! };
}

async function processPaymentIntent(paymentIntentId: string) {
  const change = await preparePaymentIntentChange(database.prisma, stripe, paymentIntentId);
  await runTransaction(database.prisma, (tx) => change(tx, { kind: "sweeper" }));
}

/** Delivers the sandbox's own `review.opened` / `review.closed` event for this review to PayOps' handler. */
async function deliverReviewEvent(type: "review.opened" | "review.closed", stripeReviewId: string) {
  const events = await stripe.events.list({ type, limit: 100 });
  const event = events.data.find((candidate) => (candidate.data.object as { id: string }).id === stripeReviewId);
  if (!event) throw new Error(`no ${type} event for ${stripeReviewId}`);
  const change = await STRIPE_EVENT_HANDLERS[type](event, deps());
  return runTransaction(database.prisma, (tx) => change(tx, { kind: "webhook", stripeEventId: event.id }));
}

const openReviewsOf = (paymentIntentId: string) =>
  database.prisma.fraudReview.findMany({ where: { paymentIntentId, status: "open" } });

describe("Stripe Radar's review of a held payment", () => {
  it("is one queue item with Radar's reason in words; approving approves it at Stripe through the outbox, once, and captures", async () => {
    await holdPaymentsForPostAuthorisationChecks();
    const { paymentIntentId, orderId, stripeReviewId } = await pay("pm_card_riskLevelElevated");
    expect(stripeReviewId).toMatch(/^prv_/);
    expect(await deliverReviewEvent("review.opened", stripeReviewId)).toBe("stale");
    const [review, ...others] = await openReviewsOf(paymentIntentId);
    expect(others).toEqual([]);
    expect(review).toMatchObject({ source: "stripe_radar", stripeReviewId });
    const item = (await listReviewQueue(database.prisma)).find((entry) => entry.id === review!.id)!;
    expect(item).toMatchObject({ captured: false });
    expect(item.reasons.join(" ")).toMatch(/elevated risk/);

    const results = await Promise.all([
      settleReview({ reviewId: review!.id, verdict: "approve", staffUserId: analystId }, deps()),
      settleReview({ reviewId: review!.id, verdict: "approve", staffUserId: analystId }, deps()),
    ]);
    expect(results.map((result) => result.changed).sort()).toEqual([false, true]);
    expect(await stripe.reviews.retrieve(stripeReviewId)).toMatchObject({ open: false, closed_reason: "approved" });
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("succeeded");
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const approvals = await database.prisma.outboxEffect.findMany({
      where: { kind: "stripe.review.approve", subjectId: stripeReviewId },
    });
    expect(approvals).toMatchObject([{ status: "done", idempotencyKey: `review.approve:${stripeReviewId}` }]);
    const audit = await database.prisma.auditLog.findMany({
      where: { subjectId: orderId, action: { startsWith: "fraud." } },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["fraud.review_approved"]);

    // Stripe's review.closed then only notes why Stripe closed it; nothing more is done.
    expect(await deliverReviewEvent("review.closed", stripeReviewId)).toBe("applied");
    expect(await database.prisma.fraudReview.findUniqueOrThrow({ where: { id: review!.id } })).toMatchObject({
      status: "approved",
      stripeReviewClosedReason: "approved",
    });
    expect(await deliverReviewEvent("review.closed", stripeReviewId)).toBe("stale");
    expect(
      await database.prisma.auditLog.count({ where: { subjectId: orderId, action: { startsWith: "fraud." } } }),
    ).toBe(1);
  });

  it("joins the queue once when review.opened arrives before the authorisation is decided", async () => {
    await database.prisma.fraudRule.create({
      data: { source: "Review if :risk_level: = 'elevated'", position: 0, action: "review" },
    });
    forgetRuleSet();
    const { paymentIntentId, stripeReviewId } = await pay("pm_card_riskLevelElevated", { processAuthorisation: false });
    expect(await deliverReviewEvent("review.opened", stripeReviewId)).toBe("applied");
    expect(await deliverReviewEvent("review.opened", stripeReviewId)).toBe("stale");
    await processPaymentIntent(paymentIntentId);
    const reviews = await database.prisma.fraudReview.findMany({ where: { paymentIntentId } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ status: "open", stripeReviewId });
    expect(reviews[0]!.reasons).toContain("rule: Review if :risk_level: = 'elevated'");
    expect(
      reviews[0]!.reasons.some((reason) => /Stripe Radar: elevated risk of fraud \(risk score \d+\)/.test(reason)),
    ).toBe(true);
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("requires_capture");
  });

  it("rejecting releases the authorisation, which closes Stripe's review as canceled", async () => {
    await holdPaymentsForPostAuthorisationChecks();
    const { paymentIntentId, orderId, stripeReviewId } = await pay("pm_card_riskLevelElevated");
    const [review] = await openReviewsOf(paymentIntentId);
    await settleReview(
      { reviewId: review!.id, verdict: "reject", staffUserId: analystId, reason: "Stolen card" },
      deps(),
    );
    expect(await stripe.reviews.retrieve(stripeReviewId)).toMatchObject({ open: false, closed_reason: "canceled" });
    expect(
      await database.prisma.outboxEffect.count({ where: { kind: "stripe.review.approve", subjectId: stripeReviewId } }),
    ).toBe(0);
    await deliverReviewEvent("review.closed", stripeReviewId);
    expect(await database.prisma.fraudReview.findUniqueOrThrow({ where: { id: review!.id } })).toMatchObject({
      status: "rejected",
      stripeReviewClosedReason: "canceled",
    });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("canceled");
  });

  it("approved in Stripe's Dashboard: review.closed settles PayOps' review and captures the held payment", async () => {
    await holdPaymentsForPostAuthorisationChecks();
    const { paymentIntentId, orderId, stripeReviewId } = await pay("pm_card_riskLevelElevated");
    await stripe.reviews.approve(stripeReviewId);
    expect(await deliverReviewEvent("review.closed", stripeReviewId)).toBe("applied");
    expect(await openReviewsOf(paymentIntentId)).toEqual([]);
    const review = await database.prisma.fraudReview.findFirstOrThrow({ where: { paymentIntentId } });
    expect(review).toMatchObject({ status: "approved", closeReason: "Approved in Stripe", closedById: null });
    await dispatchDueEffects(EFFECTS, deps());
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("succeeded");
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { subjectId: orderId, action: "fraud.stripe_review_closed" },
    });
    expect(audit).toMatchObject({ actorKind: "system", reason: "Approved in Stripe" });
    expect(await deliverReviewEvent("review.closed", stripeReviewId)).toBe("stale");
    expect(
      await database.prisma.outboxEffect.count({
        where: { kind: "stripe.payment_intent.capture", subjectId: paymentIntentId },
      }),
    ).toBe(1);
  });
});

describe("Stripe Radar's review of a payment captured at once", () => {
  it("puts the paid order in the queue; keeping it approves the review at Stripe", async () => {
    const { paymentIntentId, orderId, stripeReviewId } = await pay("pm_card_riskLevelElevated");
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect(await deliverReviewEvent("review.opened", stripeReviewId)).toBe("applied");
    expect(await deliverReviewEvent("review.opened", stripeReviewId)).toBe("stale");
    const [review, ...others] = await openReviewsOf(paymentIntentId);
    expect(others).toEqual([]);
    expect(review).toMatchObject({ source: "stripe_radar", stripeReviewId });
    const item = (await listReviewQueue(database.prisma)).find((entry) => entry.id === review!.id)!;
    expect(item).toMatchObject({ captured: true, authorisationExpiresAt: null });
    expect(
      await database.prisma.auditLog.count({ where: { subjectId: orderId, action: "fraud.stripe_review_opened" } }),
    ).toBe(1);

    await settleReview({ reviewId: review!.id, verdict: "approve", staffUserId: analystId }, deps());
    expect(await stripe.reviews.retrieve(stripeReviewId)).toMatchObject({ open: false, closed_reason: "approved" });
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("succeeded");
    expect(await database.prisma.refund.count({ where: { orderId } })).toBe(0);
  });

  it("refunding it as fraud closes Stripe's review as refunded as fraud", async () => {
    const { paymentIntentId, orderId, stripeReviewId } = await pay("pm_card_riskLevelElevated");
    await deliverReviewEvent("review.opened", stripeReviewId);
    const [review] = await openReviewsOf(paymentIntentId);
    await settleReview(
      { reviewId: review!.id, verdict: "reject", staffUserId: analystId, reason: "Customer never heard of it" },
      deps(),
    );
    await dispatchDueEffects(EFFECTS, deps());
    expect(await stripe.reviews.retrieve(stripeReviewId)).toMatchObject({
      open: false,
      closed_reason: "refunded_as_fraud",
    });
    const refunds = await stripe.refunds.list({ payment_intent: paymentIntentId });
    expect(refunds.data).toMatchObject([{ reason: "fraudulent" }]);
    await deliverReviewEvent("review.closed", stripeReviewId);
    expect(await database.prisma.fraudReview.findUniqueOrThrow({ where: { id: review!.id } })).toMatchObject({
      status: "rejected",
      stripeReviewClosedReason: "refunded_as_fraud",
    });
    expect(
      await database.prisma.outboxEffect.count({ where: { kind: "stripe.review.approve", subjectId: stripeReviewId } }),
    ).toBe(0);
    expect(await database.prisma.refund.count({ where: { orderId } })).toBe(1);
  });
});
