import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { postAdjustingEntry } from "../ledger";
import { ADJUSTMENT_REASONS, type AdjustmentReason } from "./adjustment-reasons";

export type ResolveBreakInput = {
  breakId: string;
  actorId: string;
  reason: string;
  note?: string | null;
} & (
  | { resolution: "matched_by_hand" | "written_off" }
  | {
      resolution: "adjusting_entry";
      adjustment: { reasonCode: AdjustmentReason; amountMinor: number; currency: string; occurredAt?: Date };
    }
);

/**
 * Resolves one break by hand: matched with a reason, written off with a reason, or by an adjusting
 * entry posted through the ledger (balanced, append-only, refused in a closed period) in the same
 * transaction as the break's change and its audit rows.
 */
export async function resolveBreak(
  prisma: PrismaClient,
  input: ResolveBreakInput,
): Promise<{ status: "resolved"; ledgerTransactionId: string | null }> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "Say why the difference is resolved");
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; status: string; type: string; currency: string | null }[]>`
      SELECT "id"::text, "status", "type", "currency" FROM "reconciliation_breaks"
       WHERE "id" = ${input.breakId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "No such difference");
    if (row.status === "resolved") throw new AppError("CONFLICT", "This difference is already resolved");
    let ledgerTransactionId: string | null = null;
    if (input.resolution === "adjusting_entry") {
      const { reasonCode, amountMinor, currency, occurredAt } = input.adjustment;
      const accounts = ADJUSTMENT_REASONS[reasonCode];
      if (!accounts) throw new AppError("BAD_REQUEST", `Unknown adjustment reason ${reasonCode}`);
      if (!Number.isSafeInteger(amountMinor) || amountMinor === 0) {
        throw new AppError("BAD_REQUEST", "An adjusting entry needs a non-zero whole amount in minor units");
      }
      const posting = await postAdjustingEntry(tx, {
        idempotencyKey: `reconciliation-break:${row.id}:adjustment`,
        staffUserId: input.actorId,
        description: `${accounts.label} for reconciliation difference ${row.id}: ${reason}`,
        debitAccount: amountMinor > 0 ? accounts.debit : accounts.credit,
        creditAccount: amountMinor > 0 ? accounts.credit : accounts.debit,
        amountMinor: Math.abs(amountMinor),
        currency,
        occurredAt,
      });
      ledgerTransactionId = posting.transactionId;
      await recordAudit(tx, {
        actor: { kind: "staff", staffUserId: input.actorId },
        action: "reconciliation.adjusting_entry_posted",
        subject: { type: "reconciliation_break", id: row.id },
        amount: { minor: Math.abs(amountMinor), currency },
        reason: `${accounts.label}: ${reason}`,
        before: { ledgerTransactionId: null },
        after: {
          ledgerTransactionId,
          reasonCode,
          debitAccount: amountMinor > 0 ? accounts.debit : accounts.credit,
          creditAccount: amountMinor > 0 ? accounts.credit : accounts.debit,
        },
      });
    }
    await tx.reconciliationBreak.update({
      where: { id: row.id },
      data: {
        status: "resolved",
        resolution: input.resolution,
        resolutionReason: reason,
        resolutionNote: input.note?.trim() || null,
        ledgerTransactionId,
        resolvedAt: new Date(),
        resolvedById: input.actorId,
      },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actorId },
      action: "reconciliation.break_resolved",
      subject: { type: "reconciliation_break", id: row.id },
      reason,
      before: { status: row.status },
      after: { status: "resolved", resolution: input.resolution, ledgerTransactionId },
    });
    return { status: "resolved" as const, ledgerTransactionId };
  });
}
