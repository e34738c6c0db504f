import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { derivePaymentOutcome } from "./derive-payment-outcome";

const at = new Date("2026-12-01T12:00:00Z");

function intent(
  status: Stripe.PaymentIntent.Status,
  options: { result?: string; errorCode?: string; declineCode?: string } = {},
): Stripe.PaymentIntent {
  const charge = options.result
    ? { payment_method_details: { card: { three_d_secure: { result: options.result } } } }
    : null;
  const error = options.errorCode ? { code: options.errorCode, decline_code: options.declineCode } : null;
  return { status, latest_charge: charge, last_payment_error: error } as unknown as Stripe.PaymentIntent;
}

describe("derivePaymentOutcome", () => {
  it("keeps the charge's own 3-D Secure word, including the ones that are no challenge", () => {
    for (const result of ["authenticated", "attempt_acknowledged", "exempted", "not_supported", "failed"]) {
      expect(derivePaymentOutcome(intent("succeeded", { result }), null, at).threeDSecure).toBe(result);
    }
  });

  it("marks a payment seen waiting for the customer as challenged, then authenticated once authorised", () => {
    const waiting = derivePaymentOutcome(intent("requires_action"), null, at);
    expect(waiting.threeDSecure).toBe("challenged");
    const stored = { authorisedAt: null, threeDSecure: "challenged" };
    expect(derivePaymentOutcome(intent("succeeded"), stored, at)).toEqual({
      authorisedAt: at,
      threeDSecure: "authenticated",
    });
  });

  it("marks a failed authentication as failed, and a bare snapshot teaches nothing about 3-D Secure", () => {
    const failed = intent("requires_payment_method", { errorCode: "payment_intent_authentication_failure" });
    expect(derivePaymentOutcome(failed, { authorisedAt: null, threeDSecure: "challenged" }, at)).toEqual({
      declineCode: "payment_intent_authentication_failure",
      threeDSecure: "failed",
    });
    expect(derivePaymentOutcome(intent("succeeded"), { authorisedAt: at, threeDSecure: "exempted" }, at)).toEqual({});
  });
});
