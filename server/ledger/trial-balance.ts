import type { Tx } from "../db/client";
import { normalizeCurrency } from "../money";
import { accountBalances } from "./account-balances";

export type TrialBalanceRow = { code: string; name: string; debit: bigint; credit: bigint };

export type TrialBalance = {
  currency: string;
  at: Date | null;
  rows: TrialBalanceRow[];
  totalDebits: bigint;
  totalCredits: bigint;
  /** Total debits equal total credits: what double entry guarantees, shown rather than assumed. */
  balanced: boolean;
};

/** Each account's net balance in the debit or the credit column, for one currency, at a point in time. */
export async function trialBalance(tx: Tx, options: { currency: string; at?: Date }): Promise<TrialBalance> {
  const currency = normalizeCurrency(options.currency);
  const balances = await accountBalances(tx, { currency, at: options.at });
  const rows = balances.map(({ code, name, debits, credits }) => ({
    code,
    name,
    debit: debits > credits ? debits - credits : 0n,
    credit: credits > debits ? credits - debits : 0n,
  }));
  const totalDebits = rows.reduce((sum, row) => sum + row.debit, 0n);
  const totalCredits = rows.reduce((sum, row) => sum + row.credit, 0n);
  return { currency, at: options.at ?? null, rows, totalDebits, totalCredits, balanced: totalDebits === totalCredits };
}
