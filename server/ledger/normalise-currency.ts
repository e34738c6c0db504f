import { AppError } from "@/server/errors";

/** Stripe speaks lower-case currencies ("usd"); the ledger keeps ISO 4217 codes in upper case. */
export function normaliseCurrency(currency: string): string {
  const iso = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(iso)) {
    throw new AppError("BAD_REQUEST", `"${currency}" is not a three-letter ISO currency code`, { currency });
  }
  return iso;
}
