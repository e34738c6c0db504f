import type { PrismaClient } from "../db/client";
import { AWAITING_EVIDENCE_STATUSES, OPEN_DISPUTE_STATUSES } from "../disputes/dispute-status";

export type OpenDisputesSummary = { open: number; nearestDeadline: Date | null; nearestDisputeId: string | null };

/**
 * Open disputes and the evidence deadline that comes first. Only disputes still taking evidence
 * have a deadline that matters; ones under review wait on the bank.
 */
export async function summariseOpenDisputes(prisma: PrismaClient): Promise<OpenDisputesSummary> {
  const [open, nearest] = await Promise.all([
    prisma.dispute.count({ where: { status: { in: [...OPEN_DISPUTE_STATUSES] } } }),
    prisma.dispute.findFirst({
      where: { status: { in: [...AWAITING_EVIDENCE_STATUSES] }, evidenceDueBy: { not: null } },
      orderBy: { evidenceDueBy: "asc" },
      select: { id: true, evidenceDueBy: true },
    }),
  ]);
  return { open, nearestDeadline: nearest?.evidenceDueBy ?? null, nearestDisputeId: nearest?.id ?? null };
}
