import type { Tx } from "../db/client";
import type { LedgerDirection } from "./chart-of-accounts";
import { expectUuid } from "./uuid";

export type OrderLedgerLine = {
  transactionId: string;
  kind: string;
  description: string;
  occurredAt: Date;
  idempotencyKey: string;
  stripeObjectId: string | null;
  stripeBalanceTransactionId: string | null;
  lineId: bigint;
  accountCode: string;
  accountName: string;
  currency: string;
  direction: LedgerDirection;
  amountMinor: bigint;
};

/** Every journal line posted for one order, entry by entry in the order they took effect. */
export async function orderLines(tx: Tx, orderId: string): Promise<OrderLedgerLine[]> {
  expectUuid(orderId, "Order id");
  return tx.$queryRaw<OrderLedgerLine[]>`
    SELECT t."id"::text AS "transactionId", t."kind", t."description", t."occurred_at" AS "occurredAt",
           t."idempotency_key" AS "idempotencyKey", t."stripe_object_id" AS "stripeObjectId",
           t."stripe_balance_transaction_id" AS "stripeBalanceTransactionId",
           l."id" AS "lineId", l."account_code" AS "accountCode", a."name" AS "accountName", l."currency",
           l."direction"::text AS direction, l."amount_minor" AS "amountMinor"
      FROM "ledger_transactions" t
      JOIN "ledger_lines" l ON l."transaction_id" = t."id"
      JOIN "ledger_accounts" a ON a."code" = l."account_code" AND a."currency" = l."currency"
     WHERE t."order_id" = ${orderId}::uuid
     ORDER BY t."occurred_at", t."posted_at", l."id"`;
}
