import { describe, expect, it } from "vitest";
import { ORDER_STATES } from "./order-states";
import { customerOrderStatusLabel, staffOrderStatusLabel } from "./order-status-labels";

describe("order status labels", () => {
  it("names every state in words for both audiences", () => {
    for (const state of ORDER_STATES) {
      expect(customerOrderStatusLabel(state)).not.toMatch(/_/);
      expect(staffOrderStatusLabel(state)).not.toMatch(/_/);
    }
    expect(customerOrderStatusLabel("payment_failed")).toBe("Payment failed");
    expect(staffOrderStatusLabel("pending_payment")).toBe("Pending payment");
  });

  it("tells staff a dispute's outcome and keeps it from the customer", () => {
    expect(staffOrderStatusLabel("dispute_won")).toBe("Dispute won");
    expect(staffOrderStatusLabel("dispute_lost")).toBe("Dispute lost");
    expect(customerOrderStatusLabel("dispute_won")).toBe("Paid");
    expect(customerOrderStatusLabel("dispute_lost")).toBe("Disputed");
  });

  it("writes a status it does not know yet as words", () => {
    expect(customerOrderStatusLabel("something_new")).toBe("Something new");
    expect(staffOrderStatusLabel("something_new")).toBe("Something new");
  });
});
