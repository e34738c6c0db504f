import type { PrismaClient, Tx } from "../db/client";
import { JOURNAL_EFFECT } from "./accounting-effects";

/**
 * Sends failed journals again: one, or every failed journal of a connection. Their outbox effects
 * become due now (a dead letter starts its attempts afresh; a journal the target rejected gets its
 * effect back), so the next sync or the dispatcher sends them, with a look-up first.
 */
export async function retryJournals(
  prisma: PrismaClient,
  target: { connectionId: string; journalId?: string },
  /** Written in the same transaction (the audit row of the person who asked). */
  alsoRecord?: (tx: Tx, journalIds: string[]) => Promise<unknown>,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const journals = await tx.accountingJournal.findMany({
      where: {
        connectionId: target.connectionId,
        status: "failed",
        ...(target.journalId ? { id: target.journalId } : {}),
      },
      select: { id: true },
    });
    const ids = journals.map((j) => j.id);
    if (ids.length === 0) return 0;
    await tx.$executeRaw`
      UPDATE outbox_effects
         SET status = 'pending', next_attempt_at = now(), leased_until = NULL, updated_at = now(), completed_at = NULL,
             attempts = CASE WHEN status = 'pending' THEN attempts ELSE 0 END
       WHERE kind = ${JOURNAL_EFFECT} AND subject_id = ANY(${ids}::text[]) AND status IN ('pending', 'done', 'dead')`;
    await tx.accountingJournal.updateMany({ where: { id: { in: ids } }, data: { status: "pending" } });
    await alsoRecord?.(tx, ids);
    return ids.length;
  });
}
