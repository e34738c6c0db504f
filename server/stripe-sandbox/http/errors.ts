/** The `error` member of Stripe's error envelope. */
export interface StripeErrorBody {
  type: "invalid_request_error" | "idempotency_error" | "card_error" | "api_error" | "rate_limit_error";
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: Record<string, unknown>;
  payment_method?: Record<string, unknown>;
}

/** An error answered in Stripe's envelope. `replayable` says whether an idempotency key stores it. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly replayable = false,
  ) {
    super(body.message);
    this.name = "StripeApiError";
  }
}

export function invalidRequest(message: string, extra: Partial<StripeErrorBody> = {}): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, ...extra });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
}

export function invalidParam(param: string, message: string): StripeApiError {
  return invalidRequest(message, { param, code: "parameter_invalid" });
}

/** Stripe names the resource in snake case: "No such payment_intent: 'pi_123'". */
export function resourceMissing(resource: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${resource}: '${id}'`,
    param,
  });
}

export function unexpectedState(message: string, paymentIntent?: Record<string, unknown>): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    code: "payment_intent_unexpected_state",
    message,
    ...(paymentIntent ? { payment_intent: paymentIntent } : {}),
  });
}

export function unknownRoute(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}).`,
  });
}
