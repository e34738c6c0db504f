import type { Tx } from "../../db/client";
import type { JobContext } from "../../jobs/job-definition";
import { enqueueEffect } from "../../jobs/outbox/enqueue-effect";
import type { EffectOutcome, EffectPerformers, OutboxEffectRow } from "../../jobs/outbox/outbox-effect";
import { isStripeRefusal } from "../../stripe/stripe-error-kind";

/**
 * Writes the outbox effect that approves Stripe Radar's review of a payment, in the caller's
 * transaction (the one that records the analyst's approval). One per review, ever.
 */
export function enqueueStripeReviewApprove(tx: Tx, stripeReviewId: string): Promise<string> {
  return enqueueEffect(tx, {
    kind: "stripe.review.approve",
    subjectId: stripeReviewId,
    idempotencyKey: `review.approve:${stripeReviewId}`,
  });
}

/**
 * Approves the review at Stripe, safe to repeat: the review is read first, and one already closed
 * (approved here before, approved or refunded in Stripe's Dashboard) is the effect done. Stripe's
 * refusal is final and recorded; a network error or 5xx is thrown, so the outbox retries.
 * Approving does not capture: the analyst's approval writes the capture as its own effect.
 */
async function approveStripeReview(effect: OutboxEffectRow, context: JobContext): Promise<EffectOutcome> {
  const review = await context.stripe.reviews.retrieve(effect.subjectId);
  if (!review.open) return { kind: "done", result: `already closed at Stripe (${review.closed_reason})` };
  try {
    const approved = await context.stripe.reviews.approve(review.id, {}, { idempotencyKey: effect.idempotencyKey });
    return { kind: "done", result: `approved: ${approved.closed_reason}` };
  } catch (error) {
    if (!isStripeRefusal(error)) throw error;
    return { kind: "done", result: `refused by Stripe: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The fraud room's outside effects, performed from the outbox. */
export const STRIPE_REVIEW_EFFECTS: EffectPerformers = {
  "stripe.review.approve": approveStripeReview,
};
