import { AppError } from "../errors";
import { currencyExponent, knownCurrency } from "./currency-exponent";

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount ("12.50", "4800", "-0.125") into integer minor units of the currency,
 * by string arithmetic only. More decimals than the currency has are refused unless they are
 * zeros ("4800.00" JPY is 4800; "12.345" USD is an error, never silently rounded).
 */
export function toMinorUnits(decimal: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const code = knownCurrency(currency);
  const match = typeof decimal === "string" ? DECIMAL.exec(decimal.trim()) : null;
  if (!match) {
    throw new AppError("BAD_REQUEST", `"${String(decimal)}" is not a decimal amount such as 12.50`);
  }
  const [, sign, whole, fraction = ""] = match;
  const kept = fraction.slice(0, exponent);
  if (/[^0]/.test(fraction.slice(exponent))) {
    throw new AppError("BAD_REQUEST", `${decimal} has more decimals than ${code} allows (${exponent})`);
  }
  const digits = `${whole}${kept.padEnd(exponent, "0")}`;
  const minor = BigInt(digits) * (sign ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new AppError("BAD_REQUEST", `${decimal} ${code} is too large an amount`);
  }
  // Avoid -0 for "-0.00".
  return minor === 0n ? 0 : Number(minor);
}

/** The exact decimal string of an amount in minor units: 1250 USD -> "12.50", 4800 JPY -> "4800". */
export function toDecimalString(minor: number | bigint, currency: string): string {
  if (typeof minor === "number" && !Number.isSafeInteger(minor)) {
    throw new AppError("BAD_REQUEST", `${minor} is not a whole number of minor units`);
  }
  const exponent = currencyExponent(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? "-" : ""}${whole}${exponent > 0 ? `.${fraction}` : ""}`;
}
