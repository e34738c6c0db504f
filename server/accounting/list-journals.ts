import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { JOURNAL_EFFECT } from "./accounting-effects";
import type { StoredJournalLine } from "./stored-journal-lines";

const JOURNAL_STATUSES = ["pending", "sent", "failed", "empty"] as const;
export type JournalStatusFilter = (typeof JOURNAL_STATUSES)[number];

export type JournalRow = Awaited<ReturnType<typeof listJournals>>["rows"][number];

/**
 * A connection's journals, newest first (at most `limit`), with where each one is: the target's id
 * and link once sent, the attempts, the last error and when the outbox tries it next.
 */
export async function listJournals(
  prisma: PrismaClient,
  input: { connectionId: string; status?: JournalStatusFilter; limit?: number },
) {
  const where = { connectionId: input.connectionId, ...(input.status ? { status: input.status } : {}) };
  const [journals, total] = await Promise.all([
    prisma.accountingJournal.findMany({
      where,
      orderBy: [{ journalDate: "desc" }, { journalKey: "desc" }],
      take: input.limit ?? 200,
      select: {
        id: true,
        journalKey: true,
        reference: true,
        kind: true,
        journalDate: true,
        currency: true,
        narration: true,
        lines: true,
        status: true,
        targetId: true,
        targetUrl: true,
        attempts: true,
        lastError: true,
        sentAt: true,
      },
    }),
    prisma.accountingJournal.count({ where }),
  ]);
  const effects = await prisma.outboxEffect.findMany({
    where: { kind: JOURNAL_EFFECT, subjectId: { in: journals.map((j) => j.id) }, status: "pending" },
    select: { subjectId: true, nextAttemptAt: true },
  });
  const rows = journals.map(({ lines, ...journal }) => {
    const stored = lines as StoredJournalLine[];
    const debitMinor = stored
      .filter((l) => l.direction === "debit")
      .reduce((sum, l) => sum + BigInt(l.amountMinor), 0n);
    return {
      ...journal,
      debitMinor: Number(debitMinor),
      nextAttemptAt:
        journal.status === "failed"
          ? (effects.find((effect) => effect.subjectId === journal.id)?.nextAttemptAt ?? null)
          : null,
    };
  });
  return { rows, total };
}

/** One journal in full, for the auditor: its lines in the target's accounts and the exact request body sent. */
export async function getJournal(prisma: PrismaClient, journalId: string) {
  const journal = await prisma.accountingJournal.findUnique({
    where: { id: journalId },
    include: { connection: { select: { id: true, vendor: true, organisationId: true } } },
  });
  if (!journal) throw new AppError("NOT_FOUND", "No such journal");
  const { lines, payload, ...rest } = journal;
  return {
    ...rest,
    lines: lines as StoredJournalLine[],
    payloadText: JSON.stringify(payload, null, 2),
  };
}
