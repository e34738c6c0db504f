import Stripe from "stripe";
import { AppError } from "../errors";

export const STRIPE_RETRY_AFTER_SECONDS = 30;

/** Stripe did not answer, or answered that it cannot now (network, timeout, 5xx, rate limit). */
export function isStripeUnavailable(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500)
  );
}

/** The one answer PayOps gives when Stripe cannot be reached: 503 with a reason and a retry hint. */
export function stripeUnavailableError(): AppError {
  return new AppError("UPSTREAM_UNAVAILABLE", "Stripe cannot be reached right now; try again in a moment.", {
    retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS,
  });
}
