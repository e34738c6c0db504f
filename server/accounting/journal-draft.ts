import type { LedgerDirection } from "../ledger";

/** How a connection groups the ledger into journals. */
export type JournalMode = "summary" | "per_transaction";

/** One ledger entry (one currency of it) as the journal builder reads it. */
export type LedgerEntryForJournal = {
  ledgerTransactionId: string;
  idempotencyKey: string;
  kind: string;
  description: string;
  occurredAt: Date;
  stripeObjectId: string | null;
  currency: string;
  lines: { accountCode: string; direction: LedgerDirection; amountMinor: bigint }[];
};

/** One line of a journal: a positive amount in minor units on one side of one account. */
export type JournalDraftLine = {
  accountCode: string;
  direction: LedgerDirection;
  amountMinor: bigint;
  description: string;
};

export type JournalKind = "payout" | "day" | "transaction";

/** A journal as PayOps means to send it, before the account codes are translated for the target. */
export type JournalDraft = {
  /** Stable per connection: `payout:po_…`, `day:EUR:2026-01-05`, `entry:txn_…:captured`. */
  journalKey: string;
  kind: JournalKind;
  /** The journal's date in the books, YYYY-MM-DD (UTC). */
  date: string;
  currency: string;
  narration: string;
  lines: JournalDraftLine[];
  /** The ledger entries the journal carries; each is carried by exactly one journal per connection. */
  ledgerTransactionIds: string[];
};

/** YYYY-MM-DD of an instant, in UTC (the ledger's effective times are UTC). */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
