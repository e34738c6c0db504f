import { toDecimalString } from "./convert-minor-units";
import { currencyExponent, knownCurrency } from "./currency-exponent";

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    // Pin the digits to our exponent: CLDR's own digit count differs from Stripe's for some codes.
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats minor units for people: formatMoney(1250, "USD") is "$12.50", formatMoney(4800, "JPY")
 * is "¥4,800", formatMoney(1250, "KWD") is "KWD 1.250" (with a no-break space). The amount goes to Intl as an exact
 * decimal string, so no value is ever rounded through a float.
 */
export function formatMoney(minor: number | bigint, currency: string, locale = "en-US"): string {
  const code = knownCurrency(currency);
  // Intl.NumberFormat accepts decimal strings and formats them exactly; its types only say number.
  return formatterFor(code, locale).format(toDecimalString(minor, code) as unknown as number);
}
