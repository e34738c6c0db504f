import { AppError } from "../errors";

/**
 * ISO 4217 currencies whose minor unit is not the cent. The list follows Stripe's zero- and
 * three-decimal currencies, because amounts we store are the amounts Stripe charges: CLDR (and so
 * Intl) disagrees for a few codes (e.g. it formats ISK and HUF with other digit counts).
 */
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

const KNOWN = new Set(Intl.supportedValuesOf("currency"));

export type CurrencyExponent = 0 | 2 | 3;

/**
 * Upper-cases and checks an ISO 4217 code ("usd" from Stripe becomes "USD").
 * Throws AppError BAD_REQUEST for anything that is not a currency this runtime knows.
 */
export function normalizeCurrency(currency: string): string {
  const code = typeof currency === "string" ? currency.trim().toUpperCase() : "";
  if (!/^[A-Z]{3}$/.test(code) || !KNOWN.has(code)) {
    throw new AppError("BAD_REQUEST", `Unknown currency "${String(currency)}": expected an ISO 4217 code such as USD`);
  }
  return code;
}

/** Digits after the decimal point in the currency's minor unit: USD 2 (cents), JPY 0, KWD 3 (fils). */
export function currencyExponent(currency: string): CurrencyExponent {
  const code = normalizeCurrency(currency);
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}
