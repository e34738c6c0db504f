import { describe, expect, it } from "vitest";
import { isDisposableEmailDomain } from "./disposable-email";
import { ipCountryFromHeaders } from "./ip-country";
import { amountInUsd, DEFAULT_USD_RATES, parseUsdRates } from "./usd-rates";

describe("amount_in_usd", () => {
  const rates = parseUsdRates(DEFAULT_USD_RATES);
  it("converts minor units exactly, with each currency's exponent", () => {
    expect(amountInUsd(123_456, "USD", rates)).toBe(1_234_560_000n);
    expect(amountInUsd(10_000, "EUR", rates)).toBe(108_000_000n);
    expect(amountInUsd(150_000, "JPY", rates)).toBe(1_005_000_000n);
  });
  it("has no value for a currency the table lacks", () => {
    expect(amountInUsd(100, "CHF", rates)).toBeNull();
  });
  it("refuses a malformed table", () => {
    expect(() => parseUsdRates("EUR=1.08,JPY")).toThrow(/CUR=rate/);
  });
});

describe("ip_country", () => {
  const headers = new Headers({ "cf-ipcountry": "de", "x-vercel-ip-country": "XX" });
  it("believes the proxy's header only behind a trusted proxy", () => {
    const names = ["x-vercel-ip-country", "cf-ipcountry"];
    expect(ipCountryFromHeaders(headers, { trustedProxyHops: 0, headerNames: names })).toBeNull();
    expect(ipCountryFromHeaders(headers, { trustedProxyHops: 1, headerNames: names })).toBe("DE");
    expect(
      ipCountryFromHeaders(new Headers({ "cf-ipcountry": "T1" }), { trustedProxyHops: 1, headerNames: names }),
    ).toBeNull();
  });
});

describe("is_disposable_email", () => {
  it("reads the maintained list", () => {
    expect(isDisposableEmailDomain("Mailinator.com")).toBe(true);
    expect(isDisposableEmailDomain("example.com")).toBe(false);
  });
});
