import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { seedCatalogue } from "../../catalogue/seed-catalogue";
import { createCheckout } from "../../checkout/create-checkout";
import { runTransaction } from "../../db/run-transaction";
import { dispatchDueEffects } from "../../jobs/outbox/dispatch-due-effects";
import { PAYMENT_INTENT_EFFECTS } from "../../orders/payment-intent-effects";
import { createStripeClient } from "../../stripe/client";
import { type RunningSandbox, startSandbox } from "../../stripe-sandbox";
import { preparePaymentIntentChange } from "../../webhooks/apply-payment-intent-change";
import { forgetRuleSet } from "../load-rule-set";
import { listReviewQueue } from "./list-review-queue";
import { settleReview } from "./settle-review";

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

async function useRules(...sources: string[]) {
  await database.prisma.fraudRule.createMany({
    data: sources.map((source, position) => ({ source, position, action: source.split(" ")[0]!.toLowerCase() })),
  });
  forgetRuleSet();
}

const deps = () => ({ prisma: database.prisma, stripe });

/** Checkout, the customer pays with `card`, and Stripe's webhook for the authorisation is processed. */
async function payAndProcess(card: string) {
  const session = await createCheckout(
    {
      checkoutKey: `held-${randomBytes(6).toString("hex")}`,
      email: `held-${randomBytes(4).toString("hex")}@example.test`,
      shipping: { name: "Ada Lovelace", line1: "1 Main St", city: "London", postalCode: "SW1", country: "GB" },
      cart: { currency: "USD", lines: [{ productId, quantity: 1 }] },
    },
    deps(),
  );
  await stripe.paymentIntents.confirm(session.paymentIntentId, { payment_method: card });
  const change = await preparePaymentIntentChange(database.prisma, stripe, session.paymentIntentId);
  await runTransaction(database.prisma, (tx) => change(tx, { kind: "sweeper" }));
  const order = await database.prisma.order.findUniqueOrThrow({ where: { publicToken: session.orderToken } });
  return { paymentIntentId: session.paymentIntentId, orderId: order.id };
}

async function settleOutbox() {
  await dispatchDueEffects(PAYMENT_INTENT_EFFECTS, deps());
}

describe("after authorisation", () => {
  it("holds every payment (manual capture) while a rule reads post-authorisation facts, and captures one that passes", async () => {
    await useRules("Review if :risk_level: = 'elevated'", "Block if :risk_level: = 'highest'");
    const { paymentIntentId, orderId } = await payAndProcess("pm_card_visa");
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).capture_method).toBe("manual");
    await settleOutbox();
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("succeeded");
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const decision = await database.prisma.fraudDecision.findUniqueOrThrow({ where: { paymentIntentId } });
    expect(decision).toMatchObject({ stage: "post_authorisation", action: "allow" });
    const charge = await stripe.charges.retrieve(
      (await stripe.paymentIntents.retrieve(paymentIntentId)).latest_charge as string,
    );
    expect(decision.attributes).toMatchObject({
      risk_level: charge.outcome?.risk_level,
      risk_score: String(charge.outcome?.risk_score),
      card_country: charge.payment_method_details?.card?.country,
      card_fingerprint: charge.payment_method_details?.card?.fingerprint,
    });
    expect(await database.prisma.fraudReview.count({ where: { orderId } })).toBe(0);
  });

  it("holds only the payments a post-authorisation rule could still match", async () => {
    await useRules("Review if :email_domain: = 'elsewhere.test' and :risk_level: = 'elevated'");
    const other = await payAndProcess("pm_card_riskLevelElevated");
    const otherIntent = await stripe.paymentIntents.retrieve(other.paymentIntentId);
    expect(otherIntent).toMatchObject({ capture_method: "automatic_async", status: "succeeded" });
    expect(await database.prisma.fraudReview.count({ where: { orderId: other.orderId } })).toBe(0);

    await database.prisma.fraudRule.deleteMany();
    await useRules("Review if :email_domain: = 'example.test' and :risk_level: = 'elevated'");
    const held = await payAndProcess("pm_card_riskLevelElevated");
    await settleOutbox();
    const heldIntent = await stripe.paymentIntents.retrieve(held.paymentIntentId);
    expect(heldIntent).toMatchObject({ capture_method: "manual", status: "requires_capture" });
    expect(await database.prisma.fraudReview.count({ where: { orderId: held.orderId, status: "open" } })).toBe(1);
  });

  it("keeps an elevated-risk payment authorised and uncaptured, in the queue, and decides it once", async () => {
    await useRules("Review if :risk_level: = 'elevated'");
    const { paymentIntentId, orderId } = await payAndProcess("pm_card_riskLevelElevated");
    await settleOutbox();
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("requires_capture");
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("in_review");
    const review = await database.prisma.fraudReview.findFirstOrThrow({ where: { paymentIntentId } });
    expect(review).toMatchObject({ status: "open", source: "rules", currency: "USD" });
    expect(review.reasons[0]).toBe("rule: Review if :risk_level: = 'elevated'");
    const queue = await listReviewQueue(database.prisma);
    const item = queue.find((entry) => entry.id === review.id)!;
    expect(item).toMatchObject({ orderId, amountMinor: review.amountMinor, expiresSoon: false });
    expect(item.signals).toContainEqual({ name: "risk_level", value: "elevated" });
    expect(item.authorisationExpiresAt!.getTime() - review.authorisedAt.getTime()).toBe(7 * 24 * 3_600_000);
    const sixDaysLater = new Date(review.authorisedAt.getTime() + 6.5 * 24 * 3_600_000);
    expect(
      (await listReviewQueue(database.prisma, sixDaysLater)).find((entry) => entry.id === review.id)?.expiresSoon,
    ).toBe(true);
    expect(queue.map((entry) => entry.openedAt.getTime())).toEqual(
      [...queue.map((entry) => entry.openedAt.getTime())].sort((a, b) => a - b),
    );
    // A redelivered event decides nothing again.
    const again = await preparePaymentIntentChange(database.prisma, stripe, paymentIntentId);
    await runTransaction(database.prisma, (tx) => again(tx, { kind: "sweeper" }));
    expect(await database.prisma.fraudDecision.count({ where: { orderId, stage: "post_authorisation" } })).toBe(1);
  });

  it("releases the authorisation when a Block rule matches after authorisation", async () => {
    await useRules("Block if :risk_score: >= 60");
    const { paymentIntentId } = await payAndProcess("pm_card_riskLevelElevated");
    await settleOutbox();
    expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe("canceled");
  });
});

describe("the analyst's verdict", () => {
  it("approve captures once, even when two analysts approve at the same moment", async () => {
    await useRules("Review if :risk_level: = 'elevated'");
    const { paymentIntentId, orderId } = await payAndProcess("pm_card_riskLevelElevated");
    const review = await database.prisma.fraudReview.findFirstOrThrow({ where: { paymentIntentId } });
    const results = await Promise.all([
      settleReview({ reviewId: review.id, verdict: "approve", staffUserId: analystId }, deps()),
      settleReview({ reviewId: review.id, verdict: "approve", staffUserId: analystId }, deps()),
    ]);
    expect(results.map((result) => result.changed).sort()).toEqual([false, true]);
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    expect(intent.status).toBe("succeeded");
    expect(intent.amount_received).toBe(review.amountMinor);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    const captures = await database.prisma.outboxEffect.count({
      where: { kind: "stripe.payment_intent.capture", subjectId: paymentIntentId },
    });
    expect(captures).toBe(1);
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "fraud.review_approved", subjectId: orderId },
    });
    expect(audit).toHaveLength(1);
    await expect(
      settleReview({ reviewId: review.id, verdict: "reject", staffUserId: analystId, reason: "late" }, deps()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("reject cancels with a reason; without one it changes nothing", async () => {
    await useRules("Review if :risk_level: = 'elevated'");
    const { paymentIntentId, orderId } = await payAndProcess("pm_card_riskLevelElevated");
    const review = await database.prisma.fraudReview.findFirstOrThrow({ where: { paymentIntentId } });
    await expect(
      settleReview({ reviewId: review.id, verdict: "reject", staffUserId: analystId, reason: "  " }, deps()),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await database.prisma.fraudReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe("open");
    const result = await settleReview(
      { reviewId: review.id, verdict: "reject", staffUserId: analystId, reason: "Card reported stolen" },
      deps(),
    );
    expect(result).toMatchObject({ status: "rejected", changed: true });
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    expect(intent.status).toBe("canceled");
    expect(intent.cancellation_reason).toBe("fraudulent");
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("canceled");
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "fraud.review_rejected", subjectId: orderId },
    });
    expect(audit.reason).toBe("Card reported stolen");
  });
});
