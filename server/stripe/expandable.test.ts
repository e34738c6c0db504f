import { describe, expect, it } from "vitest";
import { expandedOrNull, idOf } from "./expandable";

describe("expandable fields", () => {
  it("reads the id whether or not the field was expanded", () => {
    expect(idOf("ch_1")).toBe("ch_1");
    const charge = { id: "ch_2", object: "charge" };
    expect(idOf(charge)).toBe("ch_2");
    expect(idOf(null)).toBeNull();
    expect(idOf(undefined)).toBeNull();
  });

  it("gives the object only when Stripe expanded it", () => {
    const transaction = { id: "txn_1", amount: 500 };
    expect(expandedOrNull(transaction)).toBe(transaction);
    expect(expandedOrNull("txn_1")).toBeNull();
    expect(expandedOrNull(null)).toBeNull();
  });
});
