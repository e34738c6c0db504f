import { createRequire } from "node:module";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { isStripeRefusal, isStripeUnavailable } from "./stripe-error-kind";

// The SDK's CommonJS build: a second copy of its classes, as a production bundle may hold.
const OtherStripe = createRequire(import.meta.url)("stripe") as typeof Stripe;

describe("telling Stripe's errors apart", () => {
  for (const [copy, SDK] of [
    ["this copy of the SDK", Stripe],
    ["another copy of the SDK", OtherStripe],
  ] as const) {
    it(`reads errors made by ${copy}`, () => {
      const unavailable = [
        new SDK.errors.StripeAPIError({ message: "An unknown error occurred", type: "api_error", statusCode: 500 }),
        new SDK.errors.StripeConnectionError({ message: "An error occurred with our connection to Stripe." }),
        new SDK.errors.StripeRateLimitError({
          message: "Too many requests",
          type: "rate_limit_error",
          statusCode: 429,
        }),
      ];
      for (const error of unavailable) {
        expect(isStripeUnavailable(error)).toBe(true);
        expect(isStripeRefusal(error)).toBe(false);
      }
      const refusal = new SDK.errors.StripeInvalidRequestError({
        message: "Charge ch_1 has already been refunded.",
        type: "invalid_request_error",
        statusCode: 400,
      });
      expect(isStripeRefusal(refusal)).toBe(true);
      expect(isStripeUnavailable(refusal)).toBe(false);
      const idempotency = new SDK.errors.StripeIdempotencyError({
        message: "Keys for idempotent requests can only be used with the same parameters",
        type: "idempotency_error",
        statusCode: 400,
      });
      expect(isStripeRefusal(idempotency)).toBe(false);
      const declined = new SDK.errors.StripeCardError({
        message: "Your card was declined.",
        type: "card_error",
        statusCode: 402,
      });
      expect(isStripeRefusal(declined)).toBe(false);
      expect(isStripeUnavailable(declined)).toBe(false);
    });
  }

  it("the other copy's errors really are not instances of this one's classes", () => {
    expect(new OtherStripe.errors.StripeAPIError({ message: "x" })).not.toBeInstanceOf(Stripe.errors.StripeError);
  });

  it("ignores errors that are not Stripe's", () => {
    expect(isStripeUnavailable(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe(false);
    expect(isStripeRefusal(new Error("Unique constraint failed"))).toBe(false);
    expect(isStripeUnavailable("a string")).toBe(false);
  });
});
