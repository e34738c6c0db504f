import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { currencyExponent, knownCurrency, normalizeCurrency } from "./currency-exponent";

describe("currencyExponent", () => {
  it("gives two decimals to cent currencies, none to yen, three to dinars", () => {
    expect([currencyExponent("USD"), currencyExponent("EUR"), currencyExponent("GBP")]).toEqual([2, 2, 2]);
    expect([currencyExponent("JPY"), currencyExponent("KRW"), currencyExponent("VND")]).toEqual([0, 0, 0]);
    expect([currencyExponent("KWD"), currencyExponent("BHD"), currencyExponent("JOD")]).toEqual([3, 3, 3]);
  });

  it("accepts Stripe's lower-case codes", () => {
    expect(currencyExponent("jpy")).toBe(0);
    expect(normalizeCurrency("usd")).toBe("USD");
  });

  it("refuses codes that are not currencies with a bad request", () => {
    for (const code of ["", "US", "USDD", "XYZ", "12$"]) {
      expect(() => currencyExponent(code)).toThrow(AppError);
      try {
        currencyExponent(code);
      } catch (error) {
        expect((error as AppError).code).toBe("BAD_REQUEST");
      }
    }
  });
});

describe("normalizeCurrency and knownCurrency", () => {
  it("keeps any three-letter code for the ledger, and only known ones where the minor unit matters", () => {
    expect(normalizeCurrency(" eur ")).toBe("EUR");
    expect(normalizeCurrency("xyz")).toBe("XYZ");
    expect(knownCurrency("jpy")).toBe("JPY");
    expect(() => knownCurrency("xyz")).toThrow(/Unknown currency "xyz"/);
    for (const code of ["", "US", "USDD", "12$", "us dollars"]) {
      expect(() => normalizeCurrency(code)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    }
  });
});
