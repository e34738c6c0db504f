import { z } from "zod";
import type { Tx } from "../db/client";
import { calendarDate, currencyCode } from "../validation/storable-input";
import { type TrialBalance, trialBalance } from "./trial-balance";

export type TrialBalanceReport = {
  /** Every currency the ledger keeps accounts in, for finance to choose from. */
  currencies: string[];
  /** The chosen currency's trial balance (the first currency when none was chosen); null for an empty ledger. */
  trialBalance: TrialBalance | null;
  /** The UTC day the balances are at the end of; null for now. */
  asOfDay: string | null;
};

/** Which trial balance to show: a currency (the ledger's first when left out) and the day to end at (now when left out). */
export const trialBalanceQuery = z.object({ currency: currencyCode().optional(), asOfDay: calendarDate().optional() });

/**
 * What finance's trial balance page shows: the balances of one currency's accounts at the end of a
 * UTC day (the ledger's days are UTC), or now. A currency the ledger has no accounts in shows
 * every account at zero, not an error: nothing was posted in it.
 */
export async function trialBalanceReport(
  tx: Tx,
  options: { currency?: string; asOfDay?: string },
): Promise<TrialBalanceReport> {
  const rows = await tx.$queryRaw<{ currency: string }[]>`
    SELECT DISTINCT "currency"::text AS currency FROM "ledger_accounts" ORDER BY 1`;
  const currencies = rows.map((row) => row.currency);
  const currency = options.currency ?? currencies[0];
  if (!currency) return { currencies, trialBalance: null, asOfDay: options.asOfDay ?? null };
  const at = options.asOfDay ? new Date(`${options.asOfDay}T23:59:59.999Z`) : undefined;
  return {
    currencies,
    trialBalance: await trialBalance(tx, { currency, at }),
    asOfDay: options.asOfDay ?? null,
  };
}
