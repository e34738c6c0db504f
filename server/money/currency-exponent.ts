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
 * The one currency normaliser: upper-cases and checks the shape of an ISO 4217 code ("usd" from
 * Stripe becomes "USD"). The ledger keeps any such code (Stripe may settle in one this runtime
 * does not know); throws AppError BAD_REQUEST for anything else.
 */
export function normalizeCurrency(currency: string): string {
  const code = typeof currency === "string" ? currency.trim().toUpperCase() : "";
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new AppError("BAD_REQUEST", `"${String(currency)}" is not a three-letter ISO currency code`, { currency });
  }
  return code;
}

/**
 * A normalised code this runtime knows, for anything that needs its minor unit (formatting,
 * converting, filtering). Throws AppError BAD_REQUEST for an unknown one.
 */
export function knownCurrency(currency: string): string {
  const code = normalizeCurrency(currency);
  if (!KNOWN.has(code)) {
    throw new AppError("BAD_REQUEST", `Unknown currency "${currency}": expected an ISO 4217 code such as USD`);
  }
  return code;
}

/** Digits after the decimal point in the currency's minor unit: USD 2 (cents), JPY 0, KWD 3 (fils). */
export function currencyExponent(currency: string): CurrencyExponent {
  const code = knownCurrency(currency);
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}
