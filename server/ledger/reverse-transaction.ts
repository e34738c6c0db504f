import type { Tx } from "../db/client";
import { AppError } from "../errors";
import type { LedgerDirection } from "./chart-of-accounts";
import { type PostingResult, postEntry } from "./post-entry";
import { expectUuid } from "./uuid";

export type ReverseTransactionInput = {
  transactionId: string;
  staffUserId: string;
  reason: string;
  /** When the correction takes effect; defaults to now, leaving past balances as they were reported. */
  occurredAt?: Date;
};

/** Corrects a posted entry the only way the ledger allows: a new entry with every line on the other side. */
export async function reverseTransaction(tx: Tx, input: ReverseTransactionInput): Promise<PostingResult> {
  expectUuid(input.transactionId, "Ledger transaction id");
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "A reversal needs a reason");
  const lines = await tx.$queryRaw<
    { accountCode: string; currency: string; direction: LedgerDirection; amountMinor: bigint; orderId: string | null }[]
  >`
    SELECT l."account_code" AS "accountCode", l."currency", l."direction"::text AS direction,
           l."amount_minor" AS "amountMinor", t."order_id"::text AS "orderId"
      FROM "ledger_lines" l JOIN "ledger_transactions" t ON t."id" = l."transaction_id"
     WHERE t."id" = ${input.transactionId}::uuid
     ORDER BY l."id"`;
  if (lines.length === 0) throw new AppError("NOT_FOUND", `No ledger transaction ${input.transactionId}`);
  return postEntry(tx, {
    idempotencyKey: `reversal:${input.transactionId}`,
    kind: "reversal",
    description: `Reversal of ${input.transactionId}: ${reason}`,
    occurredAt: input.occurredAt ?? new Date(),
    source: { staffUserId: input.staffUserId, orderId: lines[0]!.orderId },
    reversesTransactionId: input.transactionId,
    lines: lines.map((line) => ({
      accountCode: line.accountCode,
      currency: line.currency,
      direction: line.direction === "debit" ? "credit" : "debit",
      amountMinor: line.amountMinor,
    })),
  });
}
