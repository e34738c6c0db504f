import { recordAudit } from "../../audit/record-audit";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { requestSystemRefund } from "../../refunds/request-system-refund";
import type { LockedReview, ReviewVerdict } from "./locked-review";
import { enqueueStripeReviewApprove } from "./stripe-review-effects";

/** Orders whose captured money is still (partly) ours to keep or refund. */
export const CAPTURED_ORDER_STATES: ReadonlySet<string> = new Set(["paid", "partially_refunded"]);

/**
 * A review of money already captured: a card network's early fraud warning, or Stripe Radar's
 * review of a payment captured at once. Approve keeps the money (and approves Stripe's review, an
 * outbox effect, when Stripe opened one); reject refunds what is left of it through the refunds
 * room's outbox (Stripe then closes its review as refunded as fraud). Either way the review
 * closes and the verdict is audited, in the caller's transaction. Returns the effects to perform
 * at once.
 */
export async function settleCapturedPayment(
  tx: Tx,
  review: LockedReview,
  orderStatus: string,
  verdict: ReviewVerdict,
  staffUserId: string,
  reason: string,
): Promise<string[]> {
  if (review.source === "stripe_radar" && !CAPTURED_ORDER_STATES.has(orderStatus)) {
    throw new AppError("CONFLICT", "This order is no longer held for review.", { status: orderStatus });
  }
  const wanted = verdict === "approve" ? "approved" : "rejected";
  await tx.fraudReview.update({
    where: { id: review.id },
    data: { status: wanted, closedAt: new Date(), closedById: staffUserId, closeReason: reason || null },
  });
  const why = review.source === "stripe_radar" ? "Stripe Radar's review" : "an early fraud warning";
  const refund =
    verdict === "reject"
      ? await requestSystemRefund(tx, {
          orderId: review.orderId,
          reasonCode: "fraudulent",
          reason: `Rejected after ${why}: ${reason}`,
          idempotencyKey: `fraud-review:${review.id}`,
          staffUserId,
        })
      : null;
  const effectIds =
    verdict === "approve" && review.stripeReviewId ? [await enqueueStripeReviewApprove(tx, review.stripeReviewId)] : [];
  await recordAudit(tx, {
    actor: { kind: "staff", staffUserId },
    action: verdict === "approve" ? "fraud.review_approved" : "fraud.review_rejected",
    subject: { type: "order", id: review.orderId },
    amount: { minor: review.amountMinor, currency: review.currency },
    reason: reason || `Kept after ${why}`,
    before: { review: "open", order: orderStatus },
    after: {
      review: wanted,
      refund: refund?.kind === "requested" ? refund.refundId : null,
      stripeReview: effectIds.length > 0 ? review.stripeReviewId : null,
    },
  });
  return effectIds;
}
