import type { Prisma, PrismaClient, Tx } from "../db/client";
import { AppError } from "../errors";
import { activeTraceIds } from "../observability/tracing";
import { type AuditAction, type AuditActorKind, isMoneyAction } from "./audit-actions";

export type AuditRecord = {
  actor: { kind: "staff"; staffUserId: string } | { kind: Exclude<AuditActorKind, "staff"> };
  action: AuditAction;
  subject: { type: string; id: string };
  amount?: { minor: number; currency: string };
  reason?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * Appends one audit row inside the caller's transaction, so the row exists exactly when the change
 * it describes commits. The table refuses UPDATE and DELETE (a trigger), so this is the only write.
 */
export async function recordAudit(tx: Tx | PrismaClient, record: AuditRecord): Promise<{ id: string }> {
  if (isMoneyAction(record.action)) {
    if (!record.amount) throw new AppError("BAD_REQUEST", `${record.action} must record the amount it moves`);
    if (!record.reason?.trim()) throw new AppError("BAD_REQUEST", `${record.action} must record a reason`);
    if (record.actor.kind === "staff" && (record.before === undefined || record.after === undefined)) {
      throw new AppError("BAD_REQUEST", `${record.action} must record the state before and after`);
    }
  }
  if (record.amount && (!Number.isSafeInteger(record.amount.minor) || record.amount.minor < 0)) {
    throw new AppError("BAD_REQUEST", "audit amounts are non-negative integer minor units");
  }
  return tx.auditLog.create({
    select: { id: true },
    data: {
      actorId: record.actor.kind === "staff" ? record.actor.staffUserId : null,
      actorKind: record.actor.kind,
      action: record.action,
      subjectType: record.subject.type,
      subjectId: record.subject.id,
      amountMinor: record.amount?.minor ?? null,
      currency: record.amount?.currency.toUpperCase() ?? null,
      reason: record.reason?.trim() || null,
      before: record.before,
      after: record.after,
      traceId: activeTraceIds()?.traceId ?? null,
    },
  });
}
