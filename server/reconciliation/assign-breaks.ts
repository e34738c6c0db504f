import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";

export type AssignBreaksInput = {
  breakIds: string[];
  ownerId: string;
  dueAt: Date;
  actorId: string;
  note?: string | null;
};

/** Gives open or assigned breaks an owner and a due date (one or many at once), each change audited. */
export async function assignBreaks(prisma: PrismaClient, input: AssignBreaksInput): Promise<{ assigned: number }> {
  const ids = [...new Set(input.breakIds)];
  if (ids.length === 0) throw new AppError("BAD_REQUEST", "Choose at least one difference to assign");
  const owner = await prisma.staffUser.findUnique({ where: { id: input.ownerId }, select: { active: true } });
  if (!owner?.active) throw new AppError("BAD_REQUEST", "The owner must be an active staff member");
  return prisma.$transaction(async (tx) => {
    const breaks = await tx.$queryRaw<{ id: string; status: string; owner_id: string | null; due_at: Date | null }[]>`
      SELECT "id"::text, "status", "owner_id"::text, "due_at" FROM "reconciliation_breaks"
       WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
    if (breaks.length !== ids.length) throw new AppError("NOT_FOUND", "A chosen difference no longer exists");
    const resolved = breaks.find((b) => b.status === "resolved");
    if (resolved) throw new AppError("CONFLICT", "A chosen difference is already resolved");
    for (const row of breaks) {
      await tx.reconciliationBreak.update({
        where: { id: row.id },
        data: { status: "assigned", ownerId: input.ownerId, dueAt: input.dueAt },
      });
      await recordAudit(tx, {
        actor: { kind: "staff", staffUserId: input.actorId },
        action: "reconciliation.break_assigned",
        subject: { type: "reconciliation_break", id: row.id },
        reason: input.note?.trim() || undefined,
        before: { status: row.status, ownerId: row.owner_id, dueAt: row.due_at?.toISOString() ?? null },
        after: { status: "assigned", ownerId: input.ownerId, dueAt: input.dueAt.toISOString() },
      });
    }
    return { assigned: breaks.length };
  });
}
