import { currencyExponent } from "../../money";
import { parseDecimal } from "../rules/parse-rule";

/** US dollars per unit of each currency; FRAUD_USD_RATES replaces it (e.g. "EUR=1.08,JPY=0.0067"). */
export const DEFAULT_USD_RATES = "USD=1,EUR=1.08,GBP=1.27,JPY=0.0067";

export type UsdRateTable = ReadonlyMap<string, bigint>;

/** Reads "EUR=1.08,JPY=0.0067" into millionths of a dollar per currency unit; a bad entry throws. */
export function parseUsdRates(text: string): UsdRateTable {
  const table = new Map<string, bigint>();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]{3})=([0-9]+(?:\.[0-9]{1,6})?)$/.exec(entry);
    if (!match) throw new Error(`expected CUR=rate entries such as EUR=1.08, got "${entry}"`);
    table.set(match[1]!.toUpperCase(), parseDecimal(match[2]!));
  }
  return table;
}

/**
 * An amount in minor units as US dollars in millionths (the rules' exact decimals), or null for a
 * currency the table lacks, so `:amount_in_usd:` rules do not match rather than guess.
 */
export function amountInUsd(amountMinor: number, currency: string, rates: UsdRateTable): bigint | null {
  const rate = rates.get(currency.toUpperCase());
  if (rate === undefined) return null;
  const divisor = 10n ** BigInt(currencyExponent(currency));
  return (BigInt(amountMinor) * rate) / divisor;
}
