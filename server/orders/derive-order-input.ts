import type Stripe from "stripe";
import { AppError } from "../errors";
import type { StripeInput } from "./order-inputs";

/** The input a PaymentIntent's current status stands for. */
export function inputFromPaymentIntent(paymentIntent: Stripe.PaymentIntent): StripeInput {
  switch (paymentIntent.status) {
    case "requires_payment_method":
      // Stripe returns a declined PaymentIntent to requires_payment_method with the error kept.
      return paymentIntent.last_payment_error ? "pi_payment_failed" : "pi_awaiting_payment_method";
    case "requires_confirmation":
      return "pi_awaiting_payment_method";
    case "requires_action":
      return "pi_requires_action";
    case "processing":
      return "pi_processing";
    case "requires_capture":
      return "pi_requires_capture";
    case "succeeded":
      return "pi_succeeded";
    case "canceled":
      return "pi_canceled";
    default:
      throw new AppError(
        "UNPROCESSABLE",
        `PaymentIntent ${paymentIntent.id} has unknown status ${paymentIntent.status}`,
      );
  }
}

/**
 * What the customer has had back, in minor units: `amount_refunded` also counts the uncaptured
 * remainder released by a partial capture, which was never the customer's money to return.
 */
export function customerRefundedAmount(charge: Stripe.Charge): number {
  if (!charge.captured) return 0;
  const releasedUncaptured = Math.max(0, charge.amount - charge.amount_captured);
  return Math.max(0, charge.amount_refunded - releasedUncaptured);
}

/** The refund input a charge stands for, or null when nothing captured has been refunded. */
export function inputFromChargeRefunds(charge: Stripe.Charge): StripeInput | null {
  const refunded = customerRefundedAmount(charge);
  if (refunded <= 0 || charge.amount_captured <= 0) return null;
  return refunded >= charge.amount_captured ? "charge_fully_refunded" : "charge_partially_refunded";
}

/** The dispute input, or null for inquiries (no funds withdrawn) and prevented disputes. */
export function inputFromDispute(dispute: Stripe.Dispute): StripeInput | null {
  switch (dispute.status) {
    case "needs_response":
    case "under_review":
      return "dispute_opened";
    case "won":
      return "dispute_won";
    case "lost":
      return "dispute_lost";
    default:
      return null;
  }
}
