import { AppError } from "../errors";

export { isStripeUnavailable } from "./stripe-error-kind";

export const STRIPE_RETRY_AFTER_SECONDS = 30;

/** The one answer PayOps gives when Stripe cannot be reached: 503 with a reason and a retry hint. */
export function stripeUnavailableError(): AppError {
  return new AppError("UPSTREAM_UNAVAILABLE", "Stripe cannot be reached right now; try again in a moment.", {
    retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS,
  });
}
