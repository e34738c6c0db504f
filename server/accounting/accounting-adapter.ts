import type { TargetAccount } from "./target-account";

/** A journal ready for a target: its accounts already the target's, amounts in minor units. */
export type OutgoingJournal = {
  reference: string;
  idempotencyKey: string;
  date: string;
  currency: string;
  narration: string;
  lines: { account: TargetAccount; direction: "debit" | "credit"; amountMinor: bigint; description: string }[];
};

/** Where the target keeps a journal PayOps sent. */
export type SentJournal = { targetId: string; targetUrl: string };

/** What every accounting system PayOps posts to offers; one adapter per vendor. */
export interface AccountingAdapter {
  readonly vendor: "quickbooks" | "xero";
  /** The target's chart of accounts, archived accounts included (marked inactive). */
  fetchChart(): Promise<TargetAccount[]>;
  /** The currency the target books in; journals in any other are refused before sending. */
  baseCurrency(): Promise<string>;
  /** The exact request body the journal is sent as (stored with the journal for the auditor). */
  buildPayload(journal: OutgoingJournal): unknown;
  /** The target's own record of this journal, found by its reference, if it already has it. */
  findJournal(journal: OutgoingJournal): Promise<SentJournal | null>;
  /** Creates the journal (the body `buildPayload` gives), with its idempotency key, and says where it is. */
  postJournal(journal: OutgoingJournal): Promise<SentJournal>;
}
