/** What Stripe (or a person) tells us about an order's payment; the state machine's alphabet. */
export const STRIPE_INPUTS = [
  /** PaymentIntent requires_payment_method without an error, or requires_confirmation. */
  "pi_awaiting_payment_method",
  "pi_requires_action",
  "pi_processing",
  /** PaymentIntent back at requires_payment_method with last_payment_error set: a retryable failure. */
  "pi_payment_failed",
  "pi_requires_capture",
  "pi_succeeded",
  "pi_canceled",
  "charge_partially_refunded",
  "charge_fully_refunded",
  "dispute_opened",
  "dispute_won",
  "dispute_lost",
] as const;

export const STAFF_INPUTS = [
  /** A risk analyst approves a payment held for review: capture follows in Stripe. */
  "staff_approve_review",
  /** A risk analyst rejects a payment held for review: the PaymentIntent is canceled in Stripe. */
  "staff_reject_review",
  /** Support abandons an order that was never paid. */
  "staff_cancel_unpaid",
] as const;

export type StripeInput = (typeof STRIPE_INPUTS)[number];
export type StaffInput = (typeof STAFF_INPUTS)[number];
export type OrderInput = StripeInput | StaffInput;

export const ORDER_INPUTS: readonly OrderInput[] = [...STRIPE_INPUTS, ...STAFF_INPUTS];
