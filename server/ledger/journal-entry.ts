import { AppError } from "../errors";
import { normalizeCurrency } from "../money";
import type { LedgerDirection } from "./chart-of-accounts";
import { expectUuid } from "./uuid";

export type JournalLine = {
  accountCode: string;
  currency: string;
  direction: LedgerDirection;
  /** Positive, in the currency's minor units. */
  amountMinor: bigint;
};

/** What caused an entry. At least one is required; the database refuses an entry without a source. */
export type JournalSource = {
  stripeBalanceTransactionId?: string | null;
  stripeObjectId?: string | null;
  stripePaymentIntentId?: string | null;
  stripeEventId?: string | null;
  orderId?: string | null;
  staffUserId?: string | null;
};

export type LedgerEntryKind =
  | "payment_captured"
  | "refund_created"
  | "refund_failed"
  | "dispute_funds_withdrawn"
  | "dispute_funds_reinstated"
  | "payout_created"
  | "payout_paid"
  | "payout_paid_reversed"
  | "payout_failed"
  | "balance_available"
  | "unclassified"
  | "reversal"
  | "adjustment";

export type JournalEntry = {
  /** Derived from the source, so the same source always maps to the same key. */
  idempotencyKey: string;
  kind: LedgerEntryKind;
  description: string;
  occurredAt: Date;
  source: JournalSource;
  reversesTransactionId?: string | null;
  lines: JournalLine[];
};

/** A signed amount as one line: positive debits, negative credits, zero writes nothing. */
export function signedLine(accountCode: string, currency: string, debitMinusCredit: bigint): JournalLine[] {
  if (debitMinusCredit === 0n) return [];
  return [
    {
      accountCode,
      currency,
      direction: debitMinusCredit > 0n ? "debit" : "credit",
      amountMinor: debitMinusCredit > 0n ? debitMinusCredit : -debitMinusCredit,
    },
  ];
}

/**
 * Checks an entry before it reaches the database, so a caller's mistake is a clear 4xx error and not
 * a failed commit. The database checks the same rules again at commit.
 */
export function validateJournalEntry(entry: JournalEntry): JournalEntry {
  const key = entry.idempotencyKey.trim();
  if (!key || key.length > 255)
    throw new AppError("BAD_REQUEST", "A ledger entry needs an idempotency key (≤255 chars)");
  if (Number.isNaN(entry.occurredAt.getTime())) throw new AppError("BAD_REQUEST", `Entry ${key} has no valid date`);
  if (!Object.values(entry.source).some((value) => value)) {
    throw new AppError("BAD_REQUEST", `Entry ${key} has no source (Stripe object, event, order or staff user)`);
  }
  expectUuid(entry.source.orderId, "Order id");
  expectUuid(entry.source.staffUserId, "Staff user id");
  expectUuid(entry.reversesTransactionId, "Reversed transaction id");
  if (entry.lines.length < 2) throw new AppError("UNPROCESSABLE", `Entry ${key} needs at least two lines`);
  const lines = entry.lines.map((line) => ({ ...line, currency: normalizeCurrency(line.currency) }));
  const differenceByCurrency = new Map<string, bigint>();
  for (const line of lines) {
    if (typeof line.amountMinor !== "bigint" || line.amountMinor <= 0n) {
      throw new AppError("UNPROCESSABLE", `Entry ${key}: line amounts must be positive minor units`, {
        accountCode: line.accountCode,
      });
    }
    const signed = line.direction === "debit" ? line.amountMinor : -line.amountMinor;
    differenceByCurrency.set(line.currency, (differenceByCurrency.get(line.currency) ?? 0n) + signed);
  }
  for (const [currency, difference] of differenceByCurrency) {
    if (difference !== 0n) {
      throw new AppError(
        "UNPROCESSABLE",
        `Entry ${key} does not balance in ${currency}: debits exceed credits by ${difference}`,
      );
    }
  }
  return { ...entry, idempotencyKey: key, lines };
}
