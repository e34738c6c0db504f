import type { EffectOutcome } from "../jobs/outbox/outbox-effect";
import type { AccountingDeps } from "./accounting-deps";
import { connectionAdapter } from "./connection-adapter";
import { outgoingLines, type StoredJournalLine } from "./stored-journal-lines";
import { ConnectionRevokedError, VendorRejectedError, VendorUnavailableError } from "./vendor-errors";

/** Look-up-and-post rounds inside one attempt before leaving the rest to the outbox's backoff. */
const ROUNDS = 3;

/**
 * Sends one journal, never twice: when an earlier try may have reached the target (a later outbox
 * attempt, or a failure inside this one) the target's own record is looked up by the journal's
 * reference first; the post itself carries the idempotency key. Records the outcome on the journal.
 */
export async function sendJournal(
  deps: AccountingDeps,
  journalId: string,
  outboxAttempt: number,
): Promise<EffectOutcome> {
  const journal = await deps.prisma.accountingJournal.findUnique({
    where: { id: journalId },
    include: { connection: true },
  });
  if (!journal) return { kind: "done", result: `journal ${journalId} no longer exists` };
  if (journal.status === "sent") return { kind: "done", result: `already sent as ${journal.targetId}` };
  await deps.prisma.accountingJournal.update({ where: { id: journal.id }, data: { attempts: { increment: 1 } } });
  const adapter = connectionAdapter(deps, journal.connection);
  const outgoing = {
    reference: journal.reference,
    idempotencyKey: journal.idempotencyKey,
    date: journal.journalDate,
    currency: journal.currency,
    narration: journal.narration,
    lines: outgoingLines(journal.lines as StoredJournalLine[]),
  };
  let lastError = "not tried";
  for (let round = 1; round <= ROUNDS; round += 1) {
    try {
      const found = outboxAttempt > 1 || round > 1 ? await adapter.findJournal(outgoing) : null;
      const sent = found ?? (await adapter.postJournal(outgoing));
      await deps.prisma.accountingJournal.update({
        where: { id: journal.id },
        data: {
          status: "sent",
          targetId: sent.targetId,
          targetUrl: sent.targetUrl,
          sentAt: new Date(),
          lastError: null,
        },
      });
      return { kind: "done", result: `${found ? "found" : "sent"} as ${sent.targetId}` };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (error instanceof VendorRejectedError) {
        // A validation fault is final for this payload: the journal shows failed until a person retries it.
        await recordFailure(deps, journal.id, lastError);
        return { kind: "done", result: `rejected: ${lastError}` };
      }
      if (error instanceof ConnectionRevokedError) break;
      if (!(error instanceof VendorUnavailableError) || (error.retryAfterMs ?? 0) > 60_000) break;
    }
  }
  await recordFailure(deps, journal.id, lastError);
  return { kind: "retry", error: lastError };
}

async function recordFailure(deps: AccountingDeps, journalId: string, error: string) {
  await deps.prisma.accountingJournal.update({
    where: { id: journalId },
    data: { status: "failed", lastError: error.slice(0, 2000) },
  });
}
