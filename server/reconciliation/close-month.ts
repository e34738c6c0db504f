import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { closeLedgerPeriod, periodBounds } from "../ledger";

/**
 * Finance signs off a month: the ledger period is closed (postings dated in it refused from then on)
 * and the sign-off is audited with the differences still open in it.
 */
export async function closeMonth(
  prisma: PrismaClient,
  input: { period: string; actorId: string; note?: string | null },
): Promise<{ period: string; openBreaks: number }> {
  const { start, end } = periodBounds(input.period);
  return prisma.$transaction(async (tx) => {
    const closed = await closeLedgerPeriod(tx, { period: input.period, staffUserId: input.actorId, note: input.note });
    const openBreaks = await tx.reconciliationBreak.count({
      where: { status: { not: "resolved" }, occurredAt: { gte: start, lt: end } },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: "reconciliation.period_closed",
      subject: { type: "ledger_period", id: closed.period },
      reason: input.note?.trim() || undefined,
      before: { closed: false },
      after: { closed: true, openBreaks },
    });
    return { period: closed.period, openBreaks };
  });
}
