import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { defaultChartAccount } from "./chart-of-accounts";
import { type PostingResult, postEntry } from "./post-entry";

export type AdjustingEntryInput = {
  /** Derived from what is being corrected, so the same correction posts once. */
  idempotencyKey: string;
  staffUserId: string;
  description: string;
  /** The account debited and the one credited, both from the chart of accounts. */
  debitAccount: string;
  creditAccount: string;
  /** Positive minor units. */
  amountMinor: number;
  currency: string;
  /** Defaults to now; a date in a closed period is refused. */
  occurredAt?: Date;
  orderId?: string | null;
};

/** A correction by a person: one debit and one credit of the same amount, dated in an open period. */
export async function postAdjustingEntry(tx: Tx, input: AdjustingEntryInput): Promise<PostingResult> {
  for (const code of [input.debitAccount, input.creditAccount]) {
    if (!defaultChartAccount(code)) throw new AppError("BAD_REQUEST", `${code} is not an account in the chart`);
  }
  if (input.debitAccount === input.creditAccount) {
    throw new AppError("BAD_REQUEST", "An adjusting entry debits one account and credits another");
  }
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new AppError("BAD_REQUEST", "An adjusting entry's amount is a positive whole number of minor units");
  }
  const amountMinor = BigInt(input.amountMinor);
  return postEntry(tx, {
    idempotencyKey: input.idempotencyKey,
    kind: "adjustment",
    description: input.description,
    occurredAt: input.occurredAt ?? new Date(),
    source: { staffUserId: input.staffUserId, orderId: input.orderId ?? null },
    lines: [
      { accountCode: input.debitAccount, currency: input.currency, direction: "debit", amountMinor },
      { accountCode: input.creditAccount, currency: input.currency, direction: "credit", amountMinor },
    ],
  });
}
