import { describe, expect, it } from "vitest";
import { isPayableStatus, isWatchedStatus } from "./order-status";

describe("order status for the customer", () => {
  it("keeps watching while the payment can still move", () => {
    expect(["pending_payment", "requires_action", "processing"].every(isWatchedStatus)).toBe(true);
    expect(["paid", "payment_failed", "in_review", "canceled"].some(isWatchedStatus)).toBe(false);
  });

  it("lets the customer pay again after a failure, never after payment", () => {
    expect(isPayableStatus("payment_failed")).toBe(true);
    expect(isPayableStatus("paid")).toBe(false);
    expect(isPayableStatus("in_review")).toBe(false);
  });
});
