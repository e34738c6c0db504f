import { describe, expect, it } from "vitest";
import { mayMoveRefundStatus, REFUND_STATUSES, stripeRefundReason } from "./refund-status";

describe("refund status moves", () => {
  it("follows Stripe forward: pending → succeeded → failed", () => {
    expect(mayMoveRefundStatus("issuing", "pending")).toBe(true);
    expect(mayMoveRefundStatus("pending", "succeeded")).toBe(true);
    expect(mayMoveRefundStatus("succeeded", "failed")).toBe(true);
    expect(mayMoveRefundStatus("pending", "canceled")).toBe(true);
  });

  it("ignores a late, older status", () => {
    expect(mayMoveRefundStatus("succeeded", "pending")).toBe(false);
    expect(mayMoveRefundStatus("failed", "succeeded")).toBe(false);
  });

  it("never leaves a final status", () => {
    for (const final of ["failed", "canceled", "rejected"] as const) {
      for (const next of REFUND_STATUSES) expect(mayMoveRefundStatus(final, next)).toBe(false);
    }
  });

  it("maps our reasons onto the three Stripe accepts", () => {
    expect(stripeRefundReason("damaged")).toBe("requested_by_customer");
    expect(stripeRefundReason("duplicate")).toBe("duplicate");
    expect(stripeRefundReason("goodwill")).toBeUndefined();
  });
});
