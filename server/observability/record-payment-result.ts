import type Stripe from "stripe";
import { metrics } from "./metrics";

type PaymentMirror = { status: string; lastPaymentError: string | null } | null;

const AUTHORISED = new Set(["requires_capture", "processing", "succeeded"]);

/**
 * Counts a payment attempt's result the first time PayOps sees it: authorised when the
 * PaymentIntent first reaches an authorised status, declined (with Stripe's decline code) when a
 * new payment error appears. Seeing the same PaymentIntent again counts nothing.
 */
export function recordPaymentResult(previous: PaymentMirror, paymentIntent: Stripe.PaymentIntent): void {
  const currency = paymentIntent.currency.toUpperCase();
  const wasAuthorised = previous !== null && AUTHORISED.has(previous.status);
  if (AUTHORISED.has(paymentIntent.status)) {
    if (!wasAuthorised) metrics().checkoutResults.inc({ currency, result: "authorised", decline_code: "" });
    return;
  }
  const error = paymentIntent.last_payment_error;
  if (paymentIntent.status !== "requires_payment_method" || !error) return;
  if (previous?.status === "requires_payment_method" && previous.lastPaymentError === (error.message ?? null)) return;
  const declineCode = error.decline_code ?? error.code ?? "unknown";
  metrics().checkoutResults.inc({ currency, result: "declined", decline_code: declineCode });
}
