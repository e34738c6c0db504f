import type { PrismaClient } from "../db/client";
import { OPEN_DISPUTE_STATUSES } from "../disputes/dispute-status";
import { orderLinesRefunded } from "./order-lines-refunded";
import { COMMITTED_REFUND_STATUSES } from "./refund-status";
import { refundableFrom } from "./refundable-amount";

/**
 * What the refund form on an order shows: how much is left to refund, per line what is left, and
 * whether an open dispute blocks refunds. Read without locks: the request re-checks under one.
 */
export async function getRefundSummary(prisma: PrismaClient, orderId: string) {
  const payment = await prisma.payment.findFirst({
    where: { orderId, amountCapturedMinor: { gt: 0 } },
    orderBy: { createdAt: "desc" },
    select: { id: true, currency: true, amountCapturedMinor: true },
  });
  if (!payment) return null;
  const [committed, items, openDispute, failed] = await Promise.all([
    prisma.refund.aggregate({
      where: { paymentId: payment.id, status: { in: [...COMMITTED_REFUND_STATUSES] } },
      _sum: { amountMinor: true },
    }),
    orderLinesRefunded(prisma, orderId),
    prisma.dispute.findFirst({
      where: { paymentId: payment.id, status: { in: [...OPEN_DISPUTE_STATUSES] } },
      select: { id: true, status: true },
    }),
    prisma.refund.count({ where: { orderId, status: "failed" } }),
  ]);
  const committedMinor = committed._sum.amountMinor ?? 0;
  return {
    currency: payment.currency.trim(),
    capturedMinor: payment.amountCapturedMinor,
    committedMinor,
    refundableMinor: refundableFrom(payment.amountCapturedMinor, committedMinor),
    openDispute,
    failedRefunds: failed,
    lines: items.map(({ refundedQuantity, ...item }) => ({
      ...item,
      refundableQuantity: item.quantity - refundedQuantity,
    })),
  };
}
