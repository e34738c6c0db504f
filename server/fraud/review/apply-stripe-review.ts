import type Stripe from "stripe";
import { recordAudit } from "../../audit/record-audit";
import type { Tx } from "../../db/client";
import { enqueuePaymentIntentCapture } from "../../orders/payment-intent-effects";
import { idOf } from "../../stripe/expandable";
import { stripeReviewClosedWords, stripeReviewOpenedWords } from "./stripe-review-words";

export type StripeReviewOutcome = "queued" | "linked" | "noted" | "closed" | "approved" | "unchanged" | "not_ours";

/** The payment is authorised or captured at Stripe: a review of it means something. */
const LIVE_INTENT_STATES = new Set(["requires_capture", "succeeded"]);

/**
 * Stripe Radar's own review of a payment (`review.opened`, `review.closed`), prepared outside the
 * transaction (the review and its charge are re-read from Stripe: the event is trusted for its id
 * only, and events of one review may arrive in any order), then applied inside it with the order
 * locked:
 * - an open review puts the order in the review queue, the same queue as PayOps' own rules: it
 *   joins the payment's open review if PayOps already holds it, else opens one (source Stripe
 *   Radar) with Radar's reason in words;
 * - a closed one is noted on PayOps' review; if that review was still open, approved at Stripe
 *   (someone used Stripe's Dashboard) counts as the approval, and a held payment is captured, as
 *   Stripe's guide to reviews of uncaptured payments says; any other reason (canceled, refunded,
 *   disputed) closes it, since the payment ended elsewhere and its own events move the order.
 * Applying the same state twice changes nothing.
 */
export async function prepareStripeReviewChange(
  stripe: Stripe,
  reviewId: string,
): Promise<(tx: Tx) => Promise<StripeReviewOutcome>> {
  const review = await stripe.reviews.retrieve(reviewId, { expand: ["charge", "payment_intent"] });
  const charge = typeof review.charge === "object" ? review.charge : null;
  const intent = typeof review.payment_intent === "object" ? review.payment_intent : null;
  const paymentIntentId = idOf(review.payment_intent ?? null) ?? idOf(charge?.payment_intent ?? null);
  return async (tx) => {
    if (!paymentIntentId) return "not_ours";
    const payment = await tx.payment.findUnique({
      where: { stripePaymentIntentId: paymentIntentId },
      select: { orderId: true, currency: true, amountMinor: true, amountCapturedMinor: true },
    });
    if (!payment) return "not_ours";
    const [order] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status FROM orders WHERE id = ${payment.orderId}::uuid FOR UPDATE`;
    const held = await tx.fraudReview.findMany({
      where: { paymentIntentId, source: { not: "early_fraud_warning" } },
      orderBy: { openedAt: "asc" },
    });
    const mine = held.find((row) => row.stripeReviewId === review.id) ?? held.find((row) => row.status === "open");
    const amountMinor = intent?.amount_received || intent?.amount_capturable || payment.amountCapturedMinor;
    const amount = { minor: amountMinor || payment.amountMinor, currency: payment.currency };

    if (review.open) {
      const words = stripeReviewOpenedWords(review, charge);
      if (mine) {
        if (mine.stripeReviewId === review.id) return "unchanged";
        await tx.fraudReview.update({
          where: { id: mine.id },
          data: {
            stripeReviewId: review.id,
            reasons: mine.reasons.some((reason) => reason.startsWith("Stripe Radar"))
              ? mine.reasons
              : [...mine.reasons, words],
          },
        });
        return "linked";
      }
      // The order may not know yet that the card was authorised; Stripe does.
      if (!LIVE_INTENT_STATES.has(intent?.status ?? "")) return "unchanged";
      await tx.fraudReview.createMany({
        data: {
          orderId: payment.orderId,
          paymentIntentId,
          source: "stripe_radar",
          reasons: [words],
          amountMinor: amount.minor,
          currency: payment.currency,
          authorisedAt: new Date((charge?.created ?? review.created) * 1000),
          stripeReviewId: review.id,
        },
        skipDuplicates: true,
      });
      await recordAudit(tx, {
        actor: { kind: "system" },
        action: "fraud.stripe_review_opened",
        subject: { type: "order", id: payment.orderId },
        amount,
        reason: words,
        after: { review: review.id, queue: "open" },
      });
      return "queued";
    }

    if (!mine) return "unchanged";
    if (mine.stripeReviewClosedReason && mine.status !== "open") return "unchanged";
    const closedWords = stripeReviewClosedWords(review.closed_reason);
    const approvedAtStripe = review.closed_reason === "approved";
    const stillOpen = mine.status === "open";
    await tx.fraudReview.update({
      where: { id: mine.id },
      data: {
        stripeReviewId: review.id,
        stripeReviewClosedReason: review.closed_reason ?? "closed",
        ...(stillOpen
          ? { status: approvedAtStripe ? "approved" : "closed", closedAt: new Date(), closeReason: closedWords }
          : {}),
      },
    });
    if (!stillOpen) return "noted";
    const capture = approvedAtStripe && order?.status === "in_review";
    if (capture) await enqueuePaymentIntentCapture(tx, { paymentIntentId });
    await recordAudit(tx, {
      actor: { kind: "system" },
      action: "fraud.stripe_review_closed",
      subject: { type: "order", id: payment.orderId },
      amount,
      reason: closedWords,
      before: { review: "open", order: order?.status ?? null },
      after: { review: approvedAtStripe ? "approved" : "closed", paymentIntent: capture ? "capture" : null },
    });
    return approvedAtStripe ? "approved" : "closed";
  };
}
