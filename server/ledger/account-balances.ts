import type { Tx } from "../db/client";
import { normalizeCurrency } from "../money";
import type { LedgerAccountType, LedgerDirection } from "./chart-of-accounts";

export type AccountBalance = {
  code: string;
  currency: string;
  name: string;
  type: LedgerAccountType;
  normalBalance: LedgerDirection;
  debits: bigint;
  credits: bigint;
  /** On the account's normal side: an asset's balance is debits − credits, revenue's credits − debits. */
  balance: bigint;
};

/**
 * Every account's balance from the lines that took effect at or before `at` (all lines without it),
 * in one grouped scan of the journal.
 */
export async function accountBalances(
  tx: Tx,
  options: { at?: Date; currency?: string } = {},
): Promise<AccountBalance[]> {
  const at = options.at ?? null;
  const currency = options.currency ? normalizeCurrency(options.currency) : null;
  const rows = await tx.$queryRaw<Omit<AccountBalance, "balance">[]>`
    SELECT a."code", a."currency", a."name", a."type"::text AS type, a."normal_balance"::text AS "normalBalance",
           coalesce(s.debits, 0)::bigint AS debits, coalesce(s.credits, 0)::bigint AS credits
      FROM "ledger_accounts" a
      LEFT JOIN (
        SELECT "account_code", "currency",
               sum("amount_minor") FILTER (WHERE "direction" = 'debit') AS debits,
               sum("amount_minor") FILTER (WHERE "direction" = 'credit') AS credits
          FROM "ledger_lines"
         WHERE (${at}::timestamptz IS NULL OR "occurred_at" <= ${at}::timestamptz)
           AND (${currency}::bpchar IS NULL OR "currency" = ${currency}::bpchar)
         GROUP BY "account_code", "currency"
      ) s ON s."account_code" = a."code" AND s."currency" = a."currency"
     WHERE ${currency}::bpchar IS NULL OR a."currency" = ${currency}::bpchar
     ORDER BY a."currency", a."code"`;
  return rows.map((row) => ({
    ...row,
    balance: row.normalBalance === "debit" ? row.debits - row.credits : row.credits - row.debits,
  }));
}

/** One account's balance on its normal side (0 when the account does not exist yet). */
export async function accountBalance(
  tx: Tx,
  options: { accountCode: string; currency: string; at?: Date },
): Promise<bigint> {
  const balances = await accountBalances(tx, { at: options.at, currency: options.currency });
  return balances.find((row) => row.code === options.accountCode)?.balance ?? 0n;
}
