import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { invalidRequest, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";

/**
 * Radar's manual reviews (`prv_…`). Stripe's default review rule (`Review if :risk_level: =
 * 'elevated'`) opens one for every charge with elevated risk (4000000000009235), whatever its
 * capture method: the charge still succeeds or is authorised, and `review.opened` follows it.
 * Approving (the API or the Dashboard) closes it with `approved` and does not capture; canceling
 * the PaymentIntent closes it with `canceled`, a refund with `refunded` (`refunded_as_fraud`
 * when the refund's reason is fraudulent), a dispute with `disputed`; each close sends
 * `review.closed`.
 */
export function openReview(
  sb: Sandbox,
  charge: Stripe.Charge,
  intent: Stripe.PaymentIntent,
  openedReason: "rule" | "manual" = "rule",
): Stripe.Review {
  const billing = charge.billing_details?.address?.postal_code ?? null;
  const review: Stripe.Review = {
    id: newId("prv"),
    object: "review",
    billing_zip: billing,
    charge: charge.id,
    closed_reason: null,
    created: sb.now(),
    ip_address: null,
    ip_address_location: null,
    livemode: false,
    open: true,
    opened_reason: openedReason,
    payment_intent: intent.id,
    reason: openedReason,
    session: null,
  };
  sb.state.reviews[review.id] = review;
  charge.review = review.id;
  intent.review = review.id;
  sb.touch();
  emitEvent(sb, "review.opened", review);
  return review;
}

export function retrieveReview(sb: Sandbox, id: string): Stripe.Review {
  const review = sb.state.reviews[id];
  if (!review) throw resourceMissing("review", id);
  return review;
}

/** Stripe refuses parameters an endpoint does not take, naming the first. */
export function refuseUnknownParams(params: Params, allowed: readonly string[]): void {
  for (const name of Object.keys(params)) {
    if (!allowed.includes(name)) {
      throw invalidRequest(`Received unknown parameter: ${name}`, { param: name, code: "parameter_unknown" });
    }
  }
}

function closeReview(sb: Sandbox, review: Stripe.Review, reason: Stripe.Review.ClosedReason): Stripe.Review {
  review.open = false;
  review.closed_reason = reason;
  review.reason = reason;
  sb.touch();
  emitEvent(sb, "review.closed", review);
  return review;
}

/** POST /v1/reviews/:id/approve: closes an open review as approved; the payment is not captured. */
export function approveReview(sb: Sandbox, review: Stripe.Review, params: Params): Stripe.Review {
  refuseUnknownParams(params, ["expand"]);
  if (!review.open) {
    throw invalidRequest(`This review (${review.id}) is already closed (${review.closed_reason}).`, {
      code: "review_already_closed",
    });
  }
  return closeReview(sb, review, "approved");
}

/** What ended the payment closes its open review, if it has one. */
export function closeReviewOfCharge(
  sb: Sandbox,
  charge: Stripe.Charge | undefined,
  reason: Stripe.Review.ClosedReason,
): void {
  const id = typeof charge?.review === "string" ? charge.review : charge?.review?.id;
  const review = id ? sb.state.reviews[id] : undefined;
  if (review?.open) closeReview(sb, review, reason);
}
