import type Stripe from "stripe";
import { AppError } from "../errors";
import type { JobContext } from "../jobs/job-definition";
import { enqueueEffect } from "../jobs/outbox/enqueue-effect";
import { performEffect } from "../jobs/outbox/perform-effect";
import { DEFAULT_CHART } from "../ledger";
import type { AccountingDeps } from "./accounting-deps";
import { accountingEffects, JOURNAL_EFFECT } from "./accounting-effects";
import { buildJournals } from "./build-journals";
import { connectionAdapter } from "./connection-adapter";
import { exactJson } from "./exact-json";
import type { JournalMode } from "./journal-draft";
import { journalReference } from "./journal-reference";
import { loadUnjournaledEntries } from "./load-unjournaled-entries";
import { describeMappingProblems, mapJournalAccounts } from "./map-journal-accounts";
import { outgoingLines, storeLines } from "./stored-journal-lines";
import type { AccountMap } from "./target-account";

export type SyncSummary = {
  connectionId: string;
  /** Journals built from new ledger entries in this run. */
  created: number;
  sent: number;
  /** Journals already at the target before this run (nothing to send). */
  skippedAlreadySent: number;
  failed: number;
  stopped: string | null;
  /** With --dry-run: the journals and the exact payloads that would be sent. */
  wouldSend?: { journalKey: string; reference: string; payload: unknown }[];
};

const payopsName = (code: string) => DEFAULT_CHART.find((a) => a.code === code)?.name ?? code;

/**
 * One sync of one connection: builds journals for ledger entries no journal carries yet, checks
 * every account against the target's chart (a problem stops the run before anything is written or
 * sent), writes the journals with their outbox effects in one transaction, then performs every
 * unsent journal of the connection through the outbox.
 */
export async function syncConnection(
  deps: AccountingDeps,
  connectionId: string,
  options: { dryRun?: boolean } = {},
): Promise<SyncSummary> {
  const prisma = deps.prisma;
  const connection = await prisma.accountingConnection.findUnique({ where: { id: connectionId } });
  if (!connection) throw new AppError("NOT_FOUND", `No accounting connection ${connectionId}`);
  const summary: SyncSummary = { connectionId, created: 0, sent: 0, skippedAlreadySent: 0, failed: 0, stopped: null };
  const alreadySent = await prisma.accountingJournal.count({ where: { connectionId, status: "sent" } });
  if (connection.status === "revoked") {
    return {
      ...summary,
      skippedAlreadySent: alreadySent,
      stopped: connection.lastSyncError ?? "The connection was revoked; connect it again.",
    };
  }
  const entries = await loadUnjournaledEntries(prisma, connection);
  const existing = await prisma.accountingJournal.findMany({ where: { connectionId }, select: { journalKey: true } });
  const drafts = buildJournals({
    mode: connection.mode as JournalMode,
    entries,
    existingKeys: new Set(existing.map((j) => j.journalKey)),
    now: deps.now?.() ?? new Date(),
    accountName: payopsName,
  });

  const adapter = connectionAdapter(deps, connection);
  if (drafts.length > 0) {
    const [chart, baseCurrency] = await Promise.all([adapter.fetchChart(), adapter.baseCurrency()]);
    const mapped = mapJournalAccounts(drafts, connection.accountMap as AccountMap, chart, payopsName);
    const foreign = drafts.find((draft) => draft.currency !== baseCurrency);
    const stopped = !mapped.ok
      ? describeMappingProblems(mapped.problems)
      : foreign
        ? `Sync stopped before sending anything: the accounting system books in ${baseCurrency} and takes journals only in that currency; PayOps has ${foreign.currency} activity (${foreign.journalKey}).`
        : null;
    if (stopped || !mapped.ok) {
      await prisma.accountingConnection.update({
        where: { id: connectionId },
        data: { lastSyncAt: new Date(), lastSyncError: stopped },
      });
      return { ...summary, skippedAlreadySent: alreadySent, stopped };
    }
    const rows = mapped.journals.map((journal) => {
      const keys = journalReference(connectionId, journal.journalKey);
      const lines = storeLines(journal.lines);
      const outgoing = {
        ...keys,
        date: journal.date,
        currency: journal.currency,
        narration: journal.narration,
        lines: outgoingLines(lines),
      };
      return { journal, keys, lines, payload: JSON.parse(exactJson(adapter.buildPayload(outgoing))) };
    });
    if (options.dryRun) {
      return {
        ...summary,
        skippedAlreadySent: alreadySent,
        wouldSend: rows.map((r) => ({
          journalKey: r.journal.journalKey,
          reference: r.keys.reference,
          payload: r.payload,
        })),
      };
    }
    await prisma.$transaction(
      async (tx) => {
        for (const { journal, keys, lines, payload } of rows) {
          const empty = journal.lines.length === 0;
          const created = await tx.accountingJournal.create({
            data: {
              connectionId,
              journalKey: journal.journalKey,
              reference: keys.reference,
              idempotencyKey: keys.idempotencyKey,
              kind: journal.kind,
              journalDate: journal.date,
              currency: journal.currency,
              narration: journal.narration,
              lines,
              payload: empty ? {} : payload,
              // Entries that net to nothing (a payout's own moves, all netted) have nothing to send.
              status: empty ? "empty" : "pending",
            },
          });
          await tx.accountingJournalEntry.createMany({
            data: journal.ledgerTransactionIds.map((ledgerTransactionId) => ({
              connectionId,
              ledgerTransactionId,
              currency: journal.currency,
              journalId: created.id,
            })),
          });
          if (!empty)
            await enqueueEffect(tx, {
              kind: JOURNAL_EFFECT,
              subjectId: created.id,
              idempotencyKey: keys.idempotencyKey,
            });
        }
      },
      { timeout: 120_000 },
    );
    summary.created = rows.length;
  } else if (options.dryRun) {
    return { ...summary, skippedAlreadySent: alreadySent, wouldSend: [] };
  }
  const outcome = await performConnectionJournals(deps, connectionId);
  await prisma.accountingConnection.update({
    where: { id: connectionId },
    data: { lastSyncAt: new Date(), lastSyncError: outcome.lastError },
  });
  return { ...summary, skippedAlreadySent: alreadySent, sent: outcome.sent, failed: outcome.failed };
}

/**
 * Performs every due effect of the connection's unsent journals, as many at once as the
 * connection's limiter lets through (the limiter, not this loop, keeps the vendor's limits).
 */
export async function performConnectionJournals(deps: AccountingDeps, connectionId: string) {
  const due = await deps.prisma.$queryRaw<{ id: string }[]>`
    SELECT o.id::text AS id FROM outbox_effects o
      JOIN accounting_journals j ON j.id::text = o.subject_id
     WHERE o.kind = ${JOURNAL_EFFECT} AND o.status = 'pending' AND j.connection_id = ${connectionId}::uuid
       AND (o.leased_until IS NULL OR o.leased_until < now())
     ORDER BY j.journal_date, j.journal_key`;
  const performers = accountingEffects(() => deps);
  const context = { prisma: deps.prisma, stripe: undefined as unknown as Stripe } satisfies JobContext;
  let next = 0;
  let lastError: string | null = null;
  const worker = async () => {
    while (next < due.length) {
      const { id } = due[next++]!;
      const result = await performEffect(id, performers, context, { force: true });
      if (result.lastError) lastError = result.lastError;
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  const [counts] = await deps.prisma.$queryRaw<{ sent: bigint; failed: bigint; error: string | null }[]>`
    SELECT count(*) FILTER (WHERE j.status = 'sent') AS sent,
           count(*) FILTER (WHERE j.status <> 'sent') AS failed,
           max(j.last_error) FILTER (WHERE j.status <> 'sent') AS error
      FROM accounting_journals j JOIN outbox_effects o ON o.subject_id = j.id::text AND o.kind = ${JOURNAL_EFFECT}
     WHERE o.id::text = ANY(${due.map((d) => d.id)}::text[])`;
  return {
    sent: Number(counts?.sent ?? 0),
    failed: Number(counts?.failed ?? 0),
    lastError: counts?.error ?? lastError,
  };
}
