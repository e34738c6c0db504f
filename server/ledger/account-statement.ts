import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { normalizeCurrency } from "../money";
import type { LedgerDirection } from "./chart-of-accounts";

export type StatementLine = {
  lineId: bigint;
  transactionId: string;
  occurredAt: Date;
  kind: string;
  description: string;
  orderId: string | null;
  stripeObjectId: string | null;
  direction: LedgerDirection;
  amountMinor: bigint;
  /** The account's balance after this line, on its normal side. */
  runningBalance: bigint;
};

export type AccountStatement = {
  accountCode: string;
  accountName: string;
  currency: string;
  from: Date;
  to: Date;
  openingBalance: bigint;
  closingBalance: bigint;
  lines: StatementLine[];
};

/** One account's lines in [from, to), with the opening balance and a running balance, oldest first. */
export async function accountStatement(
  tx: Tx,
  options: { accountCode: string; currency: string; from: Date; to: Date },
): Promise<AccountStatement> {
  const currency = normalizeCurrency(options.currency);
  const { accountCode, from, to } = options;
  if (from > to) throw new AppError("BAD_REQUEST", "A statement's start must not be after its end");
  const accounts = await tx.$queryRaw<{ name: string; normalBalance: LedgerDirection }[]>`
    SELECT "name", "normal_balance"::text AS "normalBalance" FROM "ledger_accounts"
     WHERE "code" = ${accountCode} AND "currency" = ${currency}`;
  const account = accounts[0];
  if (!account) throw new AppError("NOT_FOUND", `No account ${accountCode} in ${currency}`);
  const sign = account.normalBalance === "debit" ? 1n : -1n;
  const [opening] = await tx.$queryRaw<{ balance: bigint }[]>`
    SELECT coalesce(sum(CASE "direction" WHEN 'debit' THEN "amount_minor" ELSE -"amount_minor" END), 0)::bigint AS balance
      FROM "ledger_lines"
     WHERE "account_code" = ${accountCode} AND "currency" = ${currency} AND "occurred_at" < ${from}`;
  const openingBalance = opening!.balance * sign;
  const rows = await tx.$queryRaw<Omit<StatementLine, "runningBalance">[]>`
    SELECT l."id" AS "lineId", t."id"::text AS "transactionId", l."occurred_at" AS "occurredAt", t."kind",
           t."description", t."order_id"::text AS "orderId", t."stripe_object_id" AS "stripeObjectId",
           l."direction"::text AS direction, l."amount_minor" AS "amountMinor"
      FROM "ledger_lines" l JOIN "ledger_transactions" t ON t."id" = l."transaction_id"
     WHERE l."account_code" = ${accountCode} AND l."currency" = ${currency}
       AND l."occurred_at" >= ${from} AND l."occurred_at" < ${to}
     ORDER BY l."occurred_at", l."id"`;
  let running = openingBalance;
  const lines = rows.map((row) => {
    running += (row.direction === "debit" ? row.amountMinor : -row.amountMinor) * sign;
    return { ...row, runningBalance: running };
  });
  return { accountCode, accountName: account.name, currency, from, to, openingBalance, closingBalance: running, lines };
}
