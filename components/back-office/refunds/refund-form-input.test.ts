import { describe, expect, it } from "vitest";
import { refundFormInput } from "./refund-form-input";

const context = { currency: "USD", refundableMinor: 5000 };

describe("refundFormInput", () => {
  it("a full refund is what is left to refund", () => {
    expect(refundFormInput({ mode: "full", amount: "", quantities: {} }, context)).toEqual({
      ok: true,
      value: { amountMinor: 5000 },
    });
  });

  it("parses a decimal amount into minor units of the order's currency", () => {
    expect(refundFormInput({ mode: "amount", amount: "12.50", quantities: {} }, context)).toEqual({
      ok: true,
      value: { amountMinor: 1250 },
    });
    expect(
      refundFormInput({ mode: "amount", amount: "1200", quantities: {} }, { ...context, currency: "JPY" }),
    ).toEqual({
      ok: true,
      value: { amountMinor: 1200 },
    });
  });

  it("explains amounts it cannot take", () => {
    expect(refundFormInput({ mode: "amount", amount: "12.345", quantities: {} }, context)).toMatchObject({ ok: false });
    expect(refundFormInput({ mode: "amount", amount: "0", quantities: {} }, context)).toMatchObject({ ok: false });
    expect(refundFormInput({ mode: "amount", amount: "ten", quantities: {} }, context)).toMatchObject({ ok: false });
  });

  it("sends only the lines with units chosen", () => {
    expect(refundFormInput({ mode: "lines", amount: "", quantities: { a: 0, b: 2 } }, context)).toEqual({
      ok: true,
      value: { lines: [{ orderItemId: "b", quantity: 2 }] },
    });
    expect(refundFormInput({ mode: "lines", amount: "", quantities: { a: 0 } }, context)).toMatchObject({ ok: false });
  });
});
