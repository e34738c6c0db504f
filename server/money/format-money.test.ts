import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toDecimalString } from "./convert-minor-units";
import { currencyExponent } from "./currency-exponent";
import { formatMoney } from "./format-money";

const DIGIT_GROUP = /[,\u00a0\u202f.]/g;

/** The digits a formatted amount shows, and how many of them follow the decimal separator. */
function shownDigits(formatted: string, decimalSeparator: string): { digits: string; decimals: number } {
  const numeric = formatted.replace(/[^\d.,\u00a0\u202f]/g, "").trim();
  const separatorAt = decimalSeparator ? numeric.lastIndexOf(decimalSeparator) : -1;
  const decimals = separatorAt === -1 ? 0 : numeric.length - separatorAt - 1;
  return { digits: numeric.replace(DIGIT_GROUP, ""), decimals };
}

describe("formatMoney", () => {
  it("formats two-, zero- and three-decimal currencies", () => {
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(4800, "JPY")).toBe("¥4,800");
    expect(formatMoney(1250, "KWD")).toBe("KWD\u00a01.250");
    expect(formatMoney(-5, "EUR")).toBe("-€0.05");
  });

  it("follows the locale's separators and symbol placement", () => {
    expect(formatMoney(123456, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
    expect(formatMoney(4800, "JPY", "ja-JP")).toBe("￥4,800");
  });

  it("shows exactly the currency's decimals and every digit of the amount", () => {
    const currencies = fc.constantFrom("USD", "EUR", "JPY", "KRW", "KWD", "OMR");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), currencies, (minor, currency) => {
        const exponent = currencyExponent(currency);
        const { digits, decimals } = shownDigits(formatMoney(minor, currency), ".");
        expect(decimals).toBe(exponent);
        const expected = toDecimalString(minor, currency).replace(".", "");
        expect(digits.replace(/^0+(?=\d)/, "")).toBe(expected.replace(/^0+(?=\d)/, ""));
      }),
    );
  });
});
