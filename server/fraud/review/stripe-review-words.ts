import type Stripe from "stripe";

/** Why Stripe Radar opened its review, in the analyst's words, from the review and its charge. */
export function stripeReviewOpenedWords(review: Stripe.Review, charge: Stripe.Charge | null): string {
  if (review.opened_reason === "manual") return "Stripe Radar: someone placed this payment in review in Stripe";
  const outcome = charge?.outcome;
  if (outcome?.reason === "elevated_risk_level") {
    const score = typeof outcome.risk_score === "number" ? ` (risk score ${outcome.risk_score})` : "";
    return `Stripe Radar: elevated risk of fraud${score}, placed in review by Radar's default rule`;
  }
  if (outcome?.reason === "rule") return "Stripe Radar: placed in review by one of your Radar rules";
  return "Stripe Radar: placed in review";
}

const CLOSED_WORDS: Record<string, string> = {
  approved: "Approved in Stripe",
  canceled: "The payment was canceled at Stripe",
  refunded: "The payment was refunded at Stripe",
  refunded_as_fraud: "The payment was refunded as fraud at Stripe",
  disputed: "The customer disputed the payment",
  redacted: "Stripe redacted the review",
  payment_never_settled: "The payment never settled",
  acknowledged: "Acknowledged in Stripe",
};

/** Why Stripe closed its review, in words. */
export function stripeReviewClosedWords(reason: string | null): string {
  return (reason && CLOSED_WORDS[reason]) ?? "Closed at Stripe";
}
