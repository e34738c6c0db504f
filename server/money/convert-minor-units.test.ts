import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { toDecimalString, toMinorUnits } from "./convert-minor-units";
import { currencyExponent } from "./currency-exponent";

const currencies = fc.constantFrom("USD", "EUR", "JPY", "KRW", "KWD", "BHD");
const minorAmount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe("toMinorUnits", () => {
  it("reads decimals per the currency's exponent", () => {
    expect(toMinorUnits("12.50", "USD")).toBe(1250);
    expect(toMinorUnits("12.5", "USD")).toBe(1250);
    expect(toMinorUnits("0.07", "EUR")).toBe(7);
    expect(toMinorUnits("4800", "JPY")).toBe(4800);
    expect(toMinorUnits("4800.00", "JPY")).toBe(4800);
    expect(toMinorUnits("1.250", "KWD")).toBe(1250);
    expect(toMinorUnits("-3.1", "KWD")).toBe(-3100);
    expect(Object.is(toMinorUnits("-0.00", "USD"), 0)).toBe(true);
  });

  it("is exact where floats are not", () => {
    // 0.1 + 0.2 and 1.005 * 100 go wrong in binary floating point.
    expect(toMinorUnits("0.30", "USD")).toBe(30);
    expect(toMinorUnits("1.005", "KWD")).toBe(1005);
    expect(toMinorUnits("90071992547409.91", "USD")).toBe(9007199254740991);
  });

  it("refuses amounts that would need rounding or are not decimals", () => {
    const bad: Array<[string, string]> = [
      ["12.345", "USD"],
      ["4800.5", "JPY"],
      ["1.0001", "KWD"],
      ["12,50", "EUR"],
      ["1e3", "USD"],
      [".5", "USD"],
      ["5.", "USD"],
      ["", "USD"],
      ["90071992547409.92", "USD"],
    ];
    for (const [decimal, currency] of bad) {
      expect(() => toMinorUnits(decimal, currency), `${decimal} ${currency}`).toThrow(AppError);
    }
  });

  it("round-trips with toDecimalString for every amount and currency", () => {
    fc.assert(
      fc.property(minorAmount, currencies, (minor, currency) => {
        const decimal = toDecimalString(minor, currency);
        expect(toMinorUnits(decimal, currency)).toBe(minor);
      }),
    );
  });

  it("round-trips decimal strings written with exactly the currency's decimals", () => {
    const decimalFor = currencies.chain((currency) =>
      fc
        .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.nat({ max: 999 }))
        .map(([negative, whole, fraction]) => {
          const exponent = currencyExponent(currency);
          const digits = exponent === 0 ? "" : `.${String(fraction % 10 ** exponent).padStart(exponent, "0")}`;
          const zero = whole === 0n && (exponent === 0 || fraction % 10 ** exponent === 0);
          return { currency, decimal: `${negative && !zero ? "-" : ""}${whole}${digits}` };
        }),
    );
    fc.assert(
      fc.property(decimalFor, ({ currency, decimal }) => {
        expect(toDecimalString(toMinorUnits(decimal, currency), currency)).toBe(decimal);
      }),
    );
  });
});

describe("toDecimalString", () => {
  it("places the decimal point by the exponent", () => {
    expect(toDecimalString(5, "USD")).toBe("0.05");
    expect(toDecimalString(-5, "USD")).toBe("-0.05");
    expect(toDecimalString(4800, "JPY")).toBe("4800");
    expect(toDecimalString(7, "KWD")).toBe("0.007");
    expect(toDecimalString(12345678901234567890n, "USD")).toBe("123456789012345678.90");
  });

  it("refuses fractional minor units", () => {
    expect(() => toDecimalString(1.5, "USD")).toThrow(AppError);
  });
});
