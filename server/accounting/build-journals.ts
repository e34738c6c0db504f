import type { JournalDraft, JournalMode, LedgerEntryForJournal } from "./journal-draft";
import { utcDate } from "./journal-draft";
import { netJournalLines } from "./net-journal-lines";

export type BuildJournalsInput = {
  mode: JournalMode;
  /** Ledger entries no journal of this connection carries yet, any order. */
  entries: readonly LedgerEntryForJournal[];
  /** Journal keys the connection already has: a group seen again (a late entry) gets a numbered key. */
  existingKeys: ReadonlySet<string>;
  /** Day journals are built only for days before this one (UTC), so a day's activity is complete. */
  now: Date;
  accountName: (accountCode: string) => string;
};

const PAYOUT_KINDS = new Set(["payout_created", "payout_paid", "payout_failed", "payout_paid_reversed"]);
const PAYOUT_SETTLED_KINDS = new Set(["payout_paid", "payout_failed", "payout_paid_reversed"]);

/**
 * Turns ledger entries into the journals a connection sends. Every entry lands in exactly one
 * journal, so the target's trial balance is the ledger's whatever the grouping. Entries that are
 * not ready (a payout still in transit, today's activity) are left for a later run.
 */
export function buildJournals(input: BuildJournalsInput): JournalDraft[] {
  const entries = [...input.entries].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.idempotencyKey.localeCompare(b.idempotencyKey),
  );
  const keys = new Set(input.existingKeys);
  const drafts = input.mode === "per_transaction" ? perTransaction(entries, input) : summary(entries, input);
  return drafts.map((draft) => ({ ...draft, journalKey: freeKey(draft.journalKey, keys) }));
}

function freeKey(key: string, taken: Set<string>): string {
  let candidate = key;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${key}#${n}`;
  taken.add(candidate);
  return candidate;
}

function perTransaction(entries: LedgerEntryForJournal[], input: BuildJournalsInput): JournalDraft[] {
  return entries.map((entry) => ({
    journalKey: `entry:${entry.idempotencyKey}:${entry.currency}`,
    kind: "transaction",
    date: utcDate(entry.occurredAt),
    currency: entry.currency,
    narration: `Stripe: ${entry.description}`,
    lines: netJournalLines(entry.lines, input.accountName),
    ledgerTransactionIds: [entry.ledgerTransactionId],
  }));
}

type PayoutGroup = {
  payoutId: string;
  currency: string;
  createdAt: Date | null;
  settled: boolean;
  entries: LedgerEntryForJournal[];
};

function summary(entries: LedgerEntryForJournal[], input: BuildJournalsInput): JournalDraft[] {
  const payouts = new Map<string, PayoutGroup>();
  const activity: LedgerEntryForJournal[] = [];
  for (const entry of entries) {
    if (!PAYOUT_KINDS.has(entry.kind) || !entry.stripeObjectId) {
      activity.push(entry);
      continue;
    }
    const groupKey = `${entry.stripeObjectId}:${entry.currency}`;
    const group = payouts.get(groupKey) ?? {
      payoutId: entry.stripeObjectId,
      currency: entry.currency,
      createdAt: null,
      settled: false,
      entries: [],
    };
    group.entries.push(entry);
    if (entry.kind === "payout_created") group.createdAt = entry.occurredAt;
    if (PAYOUT_SETTLED_KINDS.has(entry.kind)) group.settled = true;
    payouts.set(groupKey, group);
  }
  // From the ledger alone, an automatic payout carries the activity booked before it was created
  // and after the previous payout: each activity entry joins the first payout created at or after it.
  const created = [...payouts.values()]
    .filter((group) => group.createdAt)
    .sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  const days = new Map<string, LedgerEntryForJournal[]>();
  const today = utcDate(input.now);
  for (const entry of activity) {
    const payout = created.find(
      (group) => group.currency === entry.currency && group.createdAt!.getTime() >= entry.occurredAt.getTime(),
    );
    if (payout) {
      payout.entries.push(entry);
      continue;
    }
    const day = utcDate(entry.occurredAt);
    if (day >= today) continue;
    const dayKey = `day:${entry.currency}:${day}`;
    days.set(dayKey, [...(days.get(dayKey) ?? []), entry]);
  }
  const drafts: JournalDraft[] = [];
  for (const group of payouts.values()) {
    // A payout in transit waits, with its activity, until it is paid or fails, so its journal
    // carries the deposit the bank shows. Parts of a payout journaled earlier need no wait.
    if (!group.settled && group.createdAt) continue;
    const latest = new Date(Math.max(...group.entries.map((e) => e.occurredAt.getTime())));
    drafts.push({
      journalKey: `payout:${group.payoutId}:${group.currency}`,
      kind: "payout",
      date: utcDate(latest),
      currency: group.currency,
      narration: `Stripe payout ${group.payoutId}: sales, refunds, fees and disputes in the deposit`,
      lines: netJournalLines(
        group.entries.flatMap((e) => e.lines),
        input.accountName,
      ),
      ledgerTransactionIds: group.entries.map((e) => e.ledgerTransactionId),
    });
  }
  for (const [dayKey, dayEntries] of days) {
    const date = dayKey.slice(-10);
    drafts.push({
      journalKey: dayKey,
      kind: "day",
      date,
      currency: dayEntries[0]!.currency,
      narration: `Stripe activity on ${date} not yet paid out`,
      lines: netJournalLines(
        dayEntries.flatMap((e) => e.lines),
        input.accountName,
      ),
      ledgerTransactionIds: dayEntries.map((e) => e.ledgerTransactionId),
    });
  }
  return drafts.sort((a, b) => a.date.localeCompare(b.date) || a.journalKey.localeCompare(b.journalKey));
}
