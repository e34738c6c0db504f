import type { PrismaClient } from "../db/client";

const refundInclude = {
  lines: { include: { orderItem: { select: { productName: true } } } },
} as const;

/** An order's refunds, newest first, with who asked and who decided (by name). */
export async function listOrderRefunds(prisma: PrismaClient, orderId: string) {
  const refunds = await prisma.refund.findMany({
    where: { orderId },
    orderBy: { createdAt: "desc" },
    include: refundInclude,
  });
  return withStaffNames(prisma, refunds);
}

/** The approvals queue: refunds above the threshold waiting for a second person, oldest first. */
export async function listRefundsAwaitingApproval(prisma: PrismaClient) {
  const refunds = await prisma.refund.findMany({
    where: { status: "awaiting_approval" },
    orderBy: { createdAt: "asc" },
    include: { ...refundInclude, order: { select: { customer: { select: { email: true } } } } },
    take: 200,
  });
  return withStaffNames(prisma, refunds);
}

export type FailedRefund = Awaited<ReturnType<typeof listFailedRefunds>>[number];

/** Refunds Stripe failed or refused, newest first, for the overview's flag. */
export async function listFailedRefunds(prisma: PrismaClient, since?: Date) {
  return prisma.refund.findMany({
    where: { status: "failed", ...(since ? { updatedAt: { gte: since } } : {}) },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, orderId: true, amountMinor: true, currency: true, failureReason: true, updatedAt: true },
  });
}

type WithStaff = {
  requestedById: string | null;
  approvedById: string | null;
  rejectedById: string | null;
  source: string;
};

/** Staff ids → names; a refund without a requester came from the Stripe Dashboard. */
async function withStaffNames<T extends WithStaff>(prisma: PrismaClient, refunds: T[]) {
  const ids = [
    ...new Set(refunds.flatMap((r) => [r.requestedById, r.approvedById, r.rejectedById]).filter((id) => id !== null)),
  ];
  const staff = ids.length
    ? await prisma.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const nameOf = (id: string | null) =>
    id ? (staff.find((person) => person.id === id)?.name ?? "Unknown staff") : null;
  return refunds.map((refund) => ({
    ...refund,
    requestedByName:
      refund.source === "stripe_dashboard"
        ? "Stripe Dashboard"
        : refund.source === "system"
          ? "PayOps (early fraud warning policy)"
          : nameOf(refund.requestedById),
    approvedByName: nameOf(refund.approvedById),
    rejectedByName: nameOf(refund.rejectedById),
  }));
}
