/** The part of Stripe's `last_payment_error` (or a card error) that says why a payment failed. */
export type PaymentErrorFacts = {
  code?: string | null;
  decline_code?: string | null;
  type?: string | null;
};

const DECLINE_MESSAGES: Record<string, string> = {
  insufficient_funds: "Your card has insufficient funds. Try another card.",
  lost_card: "Your card was declined. Try another card.",
  stolen_card: "Your card was declined. Try another card.",
  fraudulent: "Your card was declined. Try another card.",
  generic_decline: "Your card was declined. Try another card.",
  do_not_honor: "Your card was declined. Try another card.",
  card_velocity_exceeded: "Your card has reached its spending limit. Try another card.",
  expired_card: "Your card has expired. Try another card.",
  incorrect_cvc: "The security code (CVC) is incorrect. Check it and try again.",
  incorrect_number: "The card number is incorrect. Check it and try again.",
  invalid_number: "The card number is incorrect. Check it and try again.",
  invalid_expiry_month: "The expiry month is not valid. Check it and try again.",
  invalid_expiry_year: "The expiry year is not valid. Check it and try again.",
  invalid_cvc: "The security code (CVC) is not valid. Check it and try again.",
  processing_error: "Your bank could not process the payment. Try again in a moment or use another card.",
  authentication_required: "Your bank needs you to confirm this payment. Try again and complete the check.",
  payment_intent_authentication_failure:
    "Your bank could not confirm it was you, so the payment was not taken. Try again.",
};

const FALLBACK = "The payment did not go through. Try another card or payment method.";

/**
 * Plain words for a failed payment. The decline code (the bank's reason) wins over the error code;
 * Stripe's own message is never shown, because it can name rules and details meant for merchants.
 */
export function describePaymentError(error: PaymentErrorFacts | null | undefined): string | null {
  if (!error) return null;
  const byDecline = error.decline_code ? DECLINE_MESSAGES[error.decline_code] : undefined;
  const byCode = error.code ? DECLINE_MESSAGES[error.code] : undefined;
  return byDecline ?? byCode ?? FALLBACK;
}
