import Stripe from "stripe";

type StripeErrorFields = { type?: unknown; rawType?: unknown; statusCode?: unknown; message?: unknown };

/**
 * The fields every Stripe SDK error carries, read without `instanceof`: a production bundle can
 * hold more than one copy of the SDK (each chunk its own classes), so an error made by one copy is
 * not an instance of another's. `rawType` and `statusCode` come from Stripe's answer itself.
 */
function stripeFields(error: unknown): StripeErrorFields | null {
  if (error instanceof Stripe.errors.StripeError) return error;
  if (!(error instanceof Error)) return null;
  const fields = error as StripeErrorFields;
  const looksLikeStripe =
    typeof fields.rawType === "string" ||
    (typeof fields.type === "string" && fields.type.startsWith("Stripe")) ||
    (typeof fields.message === "string" && fields.message.includes("connection to Stripe"));
  return looksLikeStripe ? fields : null;
}

/** Stripe did not answer, or answered that it cannot now (network, timeout, 5xx, rate limit). */
export function isStripeUnavailable(error: unknown): boolean {
  const fields = stripeFields(error);
  if (!fields) return false;
  if (fields.type === "StripeConnectionError" || fields.type === "StripeAPIError") return true;
  if (fields.rawType === "api_error" || fields.rawType === "rate_limit_error") return true;
  const status = typeof fields.statusCode === "number" ? fields.statusCode : 0;
  if (status >= 500 || status === 429) return true;
  // A connection error has no answer, so no status and no raw type.
  return (
    status === 0 &&
    fields.rawType === undefined &&
    typeof fields.message === "string" &&
    fields.message.includes("connection to Stripe")
  );
}

/**
 * Stripe's final word on a request (a 4xx invalid request: already refunded, nothing to capture,
 * the dispute takes no evidence): the same idempotency key replays it forever, so it is not retried.
 * An idempotency error (the key reused with other parameters) is not a refusal of the effect.
 */
export function isStripeRefusal(error: unknown): boolean {
  const fields = stripeFields(error);
  if (!fields) return false;
  if (fields.type === "StripeIdempotencyError" || fields.rawType === "idempotency_error") return false;
  return fields.type === "StripeInvalidRequestError" || fields.rawType === "invalid_request_error";
}
