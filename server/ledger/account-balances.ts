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
 * Every account's balance from the lines that took effect at or before `at` (all lines without it).
 * Whole UTC days come from `ledger_account_daily_totals`, which a trigger keeps in step with the
 * lines; only the lines of `at`'s own day up to `at` are read from the journal, per account.
 */
export async function accountBalances(
  tx: Tx,
  options: { at?: Date; currency?: string } = {},
): Promise<AccountBalance[]> {
  const at = options.at ?? null;
  const currency = options.currency ? normalizeCurrency(options.currency) : null;
  const rows = await tx.$queryRaw<Omit<AccountBalance, "balance">[]>`
    WITH cutoff AS (
      SELECT (${at}::timestamptz AT TIME ZONE 'UTC')::date AS day,
             date_trunc('day', ${at}::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day_start
    ), days AS (
      SELECT t."currency", t."account_code", sum(t."debits_minor") AS debits, sum(t."credits_minor") AS credits
        FROM "ledger_account_daily_totals" t CROSS JOIN cutoff
       WHERE (cutoff.day IS NULL OR t."day" < cutoff.day)
         AND (${currency}::bpchar IS NULL OR t."currency" = ${currency}::bpchar)
       GROUP BY t."currency", t."account_code"
    )
    SELECT a."code", a."currency", a."name", a."type"::text AS type, a."normal_balance"::text AS "normalBalance",
           (coalesce(d.debits, 0) + coalesce(p.debits, 0))::bigint AS debits,
           (coalesce(d.credits, 0) + coalesce(p.credits, 0))::bigint AS credits
      FROM "ledger_accounts" a
      CROSS JOIN cutoff
      LEFT JOIN days d ON d."account_code" = a."code" AND d."currency" = a."currency"
      LEFT JOIN LATERAL (
        SELECT sum(l."amount_minor") FILTER (WHERE l."direction" = 'debit') AS debits,
               sum(l."amount_minor") FILTER (WHERE l."direction" = 'credit') AS credits
          FROM "ledger_lines" l
         WHERE cutoff.day IS NOT NULL AND l."account_code" = a."code" AND l."currency" = a."currency"
           AND l."occurred_at" >= cutoff.day_start AND l."occurred_at" <= ${at}::timestamptz
      ) p ON true
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
