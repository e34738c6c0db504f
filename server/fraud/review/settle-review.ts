import { recordAudit } from "../../audit/record-audit";
import { Prisma, type PrismaClient, type Tx } from "../../db/client";
import { runTransaction } from "../../db/run-transaction";
import { AppError } from "../../errors";
import type { JobContext } from "../../jobs/job-definition";
import { performEffect } from "../../jobs/outbox/perform-effect";
import { isOrderState } from "../../orders/order-states";
import {
  enqueuePaymentIntentCancel,
  enqueuePaymentIntentCapture,
  PAYMENT_INTENT_EFFECTS,
} from "../../orders/payment-intent-effects";
import { TRANSITION_TABLE } from "../../orders/transition-table";
import { STRIPE_RETRY_AFTER_SECONDS } from "../../stripe/stripe-unavailable";
import type { LockedReview, ReviewVerdict } from "./locked-review";
import { CAPTURED_ORDER_STATES, settleCapturedPayment } from "./settle-captured-review";
import { enqueueStripeReviewApprove, STRIPE_REVIEW_EFFECTS } from "./stripe-review-effects";

const SETTLE_EFFECTS = { ...PAYMENT_INTENT_EFFECTS, ...STRIPE_REVIEW_EFFECTS };

export type SettleReviewInput = {
  reviewId: string;
  verdict: ReviewVerdict;
  staffUserId: string;
  /** Required to reject; kept with the review and in the audit log. */
  reason?: string;
};

export type SettledReview = {
  reviewId: string;
  status: "approved" | "rejected";
  /** False when the review had already been settled (a double click, a second analyst). */
  changed: boolean;
};

/**
 * An analyst's verdict on a held payment. Approve captures the PaymentIntent, reject cancels it
 * (the authorisation is released); either way the Stripe call is an outbox effect written in the
 * same transaction as the review's new status and its audit row, then performed at once. Locks:
 * the order, then the review row, so two analysts (or a double click) serialise: the first
 * settles it, the second finds it settled and changes nothing; the same verdict again answers
 * as the first did, the other verdict is a conflict. Stripe then moves the order (paid or
 * canceled) through the webhook's own path. When Stripe Radar opened its own review of the
 * payment, approving writes a second effect in the same transaction that approves it at Stripe,
 * performed before the capture. Money already captured (an early fraud warning, a Radar review of
 * a payment captured at once) is kept or refunded instead (`settle-captured-review.ts`).
 */
export async function settleReview(
  input: SettleReviewInput,
  deps: JobContext & { prisma: PrismaClient },
): Promise<SettledReview> {
  const reason = input.reason?.trim() ?? "";
  if (input.verdict === "reject" && !reason) {
    throw new AppError("BAD_REQUEST", "Give a reason for rejecting this payment.", { path: ["reason"] });
  }
  if (reason.length > 500) throw new AppError("BAD_REQUEST", "The reason may be at most 500 characters.");
  const wanted = input.verdict === "approve" ? "approved" : "rejected";

  const outcome = await runTransaction(deps.prisma, async (tx) => {
    const review = await lockReview(tx, input.reviewId);
    if (review.status === wanted) return { changed: false, effectIds: [] as string[] };
    if (review.status !== "open") {
      throw new AppError("CONFLICT", `This payment was already ${describeStatus(review.status)}.`);
    }
    const order = await tx.order.findUniqueOrThrow({ where: { id: review.orderId }, select: { status: true } });
    if (
      review.source === "early_fraud_warning" ||
      (review.source === "stripe_radar" && CAPTURED_ORDER_STATES.has(order.status))
    ) {
      const effectIds = await settleCapturedPayment(tx, review, order.status, input.verdict, input.staffUserId, reason);
      return { changed: true, effectIds };
    }
    const input_ = input.verdict === "approve" ? "staff_approve_review" : "staff_reject_review";
    const rule = isOrderState(order.status) ? TRANSITION_TABLE[order.status][input_] : null;
    if (rule?.kind !== "allowed") {
      throw new AppError("CONFLICT", "This order is no longer held for review.", { status: order.status });
    }
    const closedAt = new Date();
    await tx.fraudReview.update({
      where: { id: review.id },
      data: { status: wanted, closedAt, closedById: input.staffUserId, closeReason: reason || null },
    });
    // Approving also approves Stripe Radar's own review, if it opened one: the analyst's word is
    // the merchant's, here and at Stripe. Rejecting cancels, which closes Stripe's review itself.
    const effectIds =
      input.verdict === "approve"
        ? [
            ...(review.stripeReviewId ? [await enqueueStripeReviewApprove(tx, review.stripeReviewId)] : []),
            await enqueuePaymentIntentCapture(tx, { paymentIntentId: review.paymentIntentId }),
          ]
        : [await enqueuePaymentIntentCancel(tx, { paymentIntentId: review.paymentIntentId, reason: "fraudulent" })];
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.staffUserId },
      action: input.verdict === "approve" ? "fraud.review_approved" : "fraud.review_rejected",
      subject: { type: "order", id: review.orderId },
      amount: { minor: review.amountMinor, currency: review.currency },
      reason: reason || "Approved after review",
      before: { review: "open", order: order.status },
      after: {
        review: wanted,
        paymentIntent: input.verdict === "approve" ? "capture" : "cancel",
        stripeReview: input.verdict === "approve" ? review.stripeReviewId : null,
      },
    });
    return { changed: true, effectIds };
  });

  for (const effectId of outcome.effectIds) {
    const attempt = await performEffect(effectId, SETTLE_EFFECTS, deps, { force: true });
    if (attempt.status === "pending" || attempt.status === "dead") {
      throw new AppError(
        "UPSTREAM_UNAVAILABLE",
        "Stripe could not be reached. The decision is saved and PayOps will finish it automatically.",
        { reviewId: input.reviewId, retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS },
      );
    }
  }
  return { reviewId: input.reviewId, status: wanted, changed: outcome.changed };
}

/** Order first, then the review: the house lock order for an order's money. */
async function lockReview(tx: Tx, reviewId: string): Promise<LockedReview> {
  const [owner] = await tx.$queryRaw<{ order_id: string }[]>`
    SELECT order_id FROM fraud_reviews WHERE id = ${reviewId}::uuid`;
  if (!owner) throw new AppError("NOT_FOUND", "There is no such review.");
  await tx.$queryRaw`SELECT 1 FROM orders WHERE id = ${owner.order_id}::uuid FOR UPDATE`;
  const [row] = await tx.$queryRaw<
    {
      id: string;
      order_id: string;
      payment_intent_id: string;
      status: string;
      amount_minor: number;
      currency: string;
      source: string;
      stripe_review_id: string | null;
    }[]
  >(Prisma.sql`SELECT id, order_id, payment_intent_id, status, amount_minor, currency, source, stripe_review_id
                 FROM fraud_reviews WHERE id = ${reviewId}::uuid FOR UPDATE`);
  return {
    id: row!.id,
    stripeReviewId: row!.stripe_review_id,
    source: row!.source,
    orderId: row!.order_id,
    paymentIntentId: row!.payment_intent_id,
    status: row!.status,
    amountMinor: row!.amount_minor,
    currency: row!.currency,
  };
}

function describeStatus(status: string): string {
  return status === "approved" ? "approved" : status === "rejected" ? "rejected" : "settled elsewhere";
}
