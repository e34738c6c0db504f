import { describe, expect, it } from "vitest";
import { describePaymentError } from "./describe-payment-error";

describe("describePaymentError", () => {
  it("says a card has insufficient funds in plain words", () => {
    expect(describePaymentError({ code: "card_declined", decline_code: "insufficient_funds" })).toBe(
      "Your card has insufficient funds. Try another card.",
    );
  });

  it("uses the decline code before the error code", () => {
    expect(describePaymentError({ code: "card_declined", decline_code: "expired_card" })).toMatch(/expired/);
  });

  it("explains a failed 3-D Secure check", () => {
    expect(describePaymentError({ code: "payment_intent_authentication_failure" })).toMatch(/could not confirm/);
  });

  it("falls back to a neutral sentence for codes it does not know", () => {
    expect(describePaymentError({ code: "something_new" })).toBe(
      "The payment did not go through. Try another card or payment method.",
    );
  });

  it("says nothing when there is no error", () => {
    expect(describePaymentError(null)).toBeNull();
  });
});
