import type Stripe from "stripe";

const AUTHORISED = new Set(["requires_capture", "processing", "succeeded"]);

type StoredOutcome = { authorisedAt: Date | null; threeDSecure: string | null } | null;

/** Stripe's results of a 3-D Secure check on a charge (`payment_method_details.card.three_d_secure.result`). */
export type ThreeDSecureResult = NonNullable<
  NonNullable<Stripe.Charge.PaymentMethodDetails.Card["three_d_secure"]>["result"]
>;

/** Seen waiting for the customer's challenge, no result yet; else the charge's result. */
export type ThreeDSecure = "challenged" | ThreeDSecureResult;

/** What a payment's attempts came to, for the payments view: set once learnt, never unlearnt. */
export type PaymentOutcome = {
  declineCode?: string;
  authorisedAt?: Date;
  threeDSecure?: ThreeDSecure;
};

/**
 * Reads the decline code, the first authorisation and the 3-D Secure result from the PaymentIntent
 * (and its latest charge, when expanded). Fields it cannot tell from this snapshot are left out,
 * so an update keeps what an earlier snapshot taught.
 */
export function derivePaymentOutcome(
  paymentIntent: Stripe.PaymentIntent,
  stored: StoredOutcome,
  observedAt: Date,
): PaymentOutcome {
  const outcome: PaymentOutcome = {};
  const error = paymentIntent.last_payment_error;
  if (error) outcome.declineCode = error.decline_code ?? error.code ?? "unknown";
  if (AUTHORISED.has(paymentIntent.status) && !stored?.authorisedAt) outcome.authorisedAt = observedAt;

  const result = chargeThreeDSecureResult(paymentIntent.latest_charge);
  if (result) outcome.threeDSecure = result;
  else if (error?.code === "payment_intent_authentication_failure") outcome.threeDSecure = "failed";
  else if (paymentIntent.status === "requires_action" && stored?.threeDSecure == null) {
    outcome.threeDSecure = "challenged";
  } else if (stored?.threeDSecure === "challenged" && AUTHORISED.has(paymentIntent.status)) {
    // Challenged, then authorised: the customer passed it (a charge without 3-D Secure details says no more).
    outcome.threeDSecure = "authenticated";
  }
  return outcome;
}

function chargeThreeDSecureResult(charge: string | Stripe.Charge | null): ThreeDSecureResult | null {
  if (!charge || typeof charge === "string") return null;
  return charge.payment_method_details?.card?.three_d_secure?.result ?? null;
}
