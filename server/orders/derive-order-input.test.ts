import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  customerRefundedAmount,
  inputFromChargeRefunds,
  inputFromDispute,
  inputFromPaymentIntent,
} from "./derive-order-input";

const intent = (fields: Partial<Stripe.PaymentIntent>) =>
  ({ id: "pi_1", last_payment_error: null, ...fields }) as Stripe.PaymentIntent;
const charge = (fields: Partial<Stripe.Charge>) =>
  ({
    id: "ch_1",
    amount: 2_000,
    amount_captured: 2_000,
    amount_refunded: 0,
    captured: true,
    ...fields,
  }) as Stripe.Charge;

describe("inputs derived from Stripe objects", () => {
  it.each([
    [{ status: "requires_payment_method" }, "pi_awaiting_payment_method"],
    [{ status: "requires_payment_method", last_payment_error: { type: "card_error" } }, "pi_payment_failed"],
    [{ status: "requires_confirmation" }, "pi_awaiting_payment_method"],
    [{ status: "requires_action" }, "pi_requires_action"],
    [{ status: "processing" }, "pi_processing"],
    [{ status: "requires_capture" }, "pi_requires_capture"],
    [{ status: "succeeded" }, "pi_succeeded"],
    [{ status: "canceled" }, "pi_canceled"],
  ] as const)("PaymentIntent %o is %s", (fields, input) => {
    expect(inputFromPaymentIntent(intent(fields as Partial<Stripe.PaymentIntent>))).toBe(input);
  });

  it("refuses a PaymentIntent status it does not know, rather than guessing", () => {
    expect(() => inputFromPaymentIntent(intent({ status: "teleported" as never }))).toThrow(/unknown status/);
  });

  it("does not count the remainder a partial capture released as a customer refund", () => {
    const partlyCaptured = charge({ amount_captured: 1_500, amount_refunded: 500 });
    expect(customerRefundedAmount(partlyCaptured)).toBe(0);
    expect(inputFromChargeRefunds(partlyCaptured)).toBeNull();
    const thenRefunded = charge({ amount_captured: 1_500, amount_refunded: 1_000 });
    expect(customerRefundedAmount(thenRefunded)).toBe(500);
    expect(inputFromChargeRefunds(thenRefunded)).toBe("charge_partially_refunded");
    expect(inputFromChargeRefunds(charge({ amount_captured: 1_500, amount_refunded: 2_000 }))).toBe(
      "charge_fully_refunded",
    );
  });

  it("ignores the released authorisation of a canceled, never-captured charge", () => {
    expect(inputFromChargeRefunds(charge({ captured: false, amount_captured: 0, amount_refunded: 2_000 }))).toBeNull();
  });

  it.each([
    ["needs_response", "dispute_opened"],
    ["under_review", "dispute_opened"],
    ["won", "dispute_won"],
    ["lost", "dispute_lost"],
    ["warning_needs_response", null],
    ["warning_closed", null],
    ["prevented", null],
  ] as const)("a dispute %s is %s", (status, input) => {
    expect(inputFromDispute({ id: "du_1", status } as Stripe.Dispute)).toBe(input);
  });
});
