import { describe, expect, it } from "vitest";
import { adjustmentAmountDraft, adjustmentAmountInput } from "./adjustment-amount-input";

describe("adjustmentAmountInput", () => {
  it("takes an amount as a merchant types it, in minor units of the break's currency", () => {
    expect(adjustmentAmountInput("12.50", "USD")).toEqual({ ok: true, amountMinor: 1250 });
    expect(adjustmentAmountInput(" 0.30 ", "EUR")).toEqual({ ok: true, amountMinor: 30 });
    expect(adjustmentAmountInput("12", "GBP")).toEqual({ ok: true, amountMinor: 1200 });
    expect(adjustmentAmountInput("1200", "JPY")).toEqual({ ok: true, amountMinor: 1200 });
    expect(adjustmentAmountInput("1.234", "KWD")).toEqual({ ok: true, amountMinor: 1234 });
  });

  it("keeps the sign, which reverses the entry's sides", () => {
    expect(adjustmentAmountInput("-0.30", "USD")).toEqual({ ok: true, amountMinor: -30 });
    expect(adjustmentAmountInput("-1200", "JPY")).toEqual({ ok: true, amountMinor: -1200 });
  });

  it("is exact where binary floating point is not", () => {
    // 0.1 + 0.2 and 1.005 * 100 go wrong in floats; string arithmetic does not.
    expect(adjustmentAmountInput("1.005", "KWD")).toEqual({ ok: true, amountMinor: 1005 });
    expect(adjustmentAmountInput("4.35", "USD")).toEqual({ ok: true, amountMinor: 435 });
    expect(adjustmentAmountInput("90071992547409.91", "USD")).toEqual({ ok: true, amountMinor: 9007199254740991 });
  });

  it("refuses what it would have to guess at, with a sentence", () => {
    expect(adjustmentAmountInput("12.345", "USD")).toEqual({ ok: false, message: expect.stringMatching(/decimals/) });
    expect(adjustmentAmountInput("1200.5", "JPY")).toEqual({ ok: false, message: expect.stringMatching(/JPY/) });
    expect(adjustmentAmountInput("1,200", "JPY")).toEqual({
      ok: false,
      message: expect.stringMatching(/thousands separators.*1250/),
    });
    expect(adjustmentAmountInput("12,50", "EUR")).toMatchObject({ ok: false });
    expect(adjustmentAmountInput("ten", "USD")).toMatchObject({ ok: false });
    expect(adjustmentAmountInput("", "USD")).toEqual({ ok: false, message: "Enter the amount in USD, such as 12.50." });
    expect(adjustmentAmountInput("0.00", "USD")).toEqual({
      ok: false,
      message: "An adjusting entry moves an amount other than zero.",
    });
    expect(adjustmentAmountInput("12.50", null)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no currency/),
    });
  });
});

describe("adjustmentAmountDraft", () => {
  it("writes the difference as finance would type it", () => {
    expect(adjustmentAmountDraft(30, "USD")).toBe("0.30");
    expect(adjustmentAmountDraft(-1250, "EUR")).toBe("-12.50");
    expect(adjustmentAmountDraft(1200, "JPY")).toBe("1200");
    // Typed back, the draft is the same number of minor units.
    expect(adjustmentAmountInput(adjustmentAmountDraft(-1250, "EUR"), "EUR")).toEqual({ ok: true, amountMinor: -1250 });
  });

  it("is empty where there is no currency to write it in", () => {
    expect(adjustmentAmountDraft(30, null)).toBe("");
    expect(adjustmentAmountDraft(30, "ZZZ")).toBe("");
  });
});
