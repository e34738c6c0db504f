import type { PrismaClient } from "../db/client";
import { OPEN_DISPUTE_STATUSES } from "./dispute-status";

export type DisputeListFilter = "open" | "closed" | "all";

/**
 * Disputes by evidence deadline, soonest first, with the time left; disputes without a deadline
 * (closed, or not yet reported) come last.
 */
export async function listDisputes(prisma: PrismaClient, filter: DisputeListFilter = "open", now = new Date()) {
  const open = [...OPEN_DISPUTE_STATUSES];
  const disputes = await prisma.dispute.findMany({
    where: filter === "all" ? {} : filter === "open" ? { status: { in: open } } : { status: { notIn: open } },
    orderBy: [{ evidenceDueBy: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
    include: { order: { select: { id: true, customer: { select: { email: true, name: true } } } } },
  });
  return disputes.map((dispute) => ({
    ...dispute,
    timeLeftMs: dispute.evidenceDueBy ? dispute.evidenceDueBy.getTime() - now.getTime() : null,
  }));
}
