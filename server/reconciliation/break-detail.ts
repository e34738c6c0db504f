import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";

/** One break with both sides as the run saw them, its owner, and every audited step. */
export async function getBreakDetail(prisma: PrismaClient, breakId: string) {
  const found = await prisma.reconciliationBreak.findUnique({ where: { id: breakId } });
  if (!found) throw new AppError("NOT_FOUND", "No such difference");
  const [owner, resolvedBy, history] = await Promise.all([
    found.ownerId
      ? prisma.staffUser.findUnique({ where: { id: found.ownerId }, select: { id: true, name: true } })
      : null,
    found.resolvedById
      ? prisma.staffUser.findUnique({ where: { id: found.resolvedById }, select: { id: true, name: true } })
      : null,
    prisma.auditLog.findMany({
      where: { subjectType: "reconciliation_break", subjectId: breakId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        action: true,
        actorKind: true,
        reason: true,
        amountMinor: true,
        currency: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  const adjustingEntry = found.ledgerTransactionId
    ? await prisma.ledgerTransaction.findUnique({
        where: { id: found.ledgerTransactionId },
        select: {
          id: true,
          description: true,
          occurredAt: true,
          lines: {
            select: { id: true, accountCode: true, direction: true, amountMinor: true, currency: true },
            orderBy: { id: "asc" },
          },
        },
      })
    : null;
  const orderId = (found.payopsSide as { order_id?: string | null } | null)?.order_id ?? null;
  return {
    ...found,
    amountMinor: Number(found.amountMinor),
    owner,
    resolvedBy,
    orderId,
    adjustingEntry: adjustingEntry && {
      ...adjustingEntry,
      lines: adjustingEntry.lines.map((line) => ({
        ...line,
        id: String(line.id),
        amountMinor: Number(line.amountMinor),
      })),
    },
    history: history.map((row) => ({ ...row, actorName: row.actor?.name ?? null })),
  };
}
