import type { PrismaClient } from "../db/client";
import { refundReasonLabel } from "../labels/staff-state-labels";
import { orderLines } from "../ledger/order-lines";
import { listOrderRefunds } from "../refunds/list-refunds";

/**
 * Sections of the order detail page that other rooms own. Each loader is the one place its room
 * plugs in: refunds and disputes read their own tables here, the ledger its `orderLines`. Until
 * then each answers an empty list and the page says so.
 */
export type OrderRefundSummary = {
  id: string;
  status: string;
  amountMinor: number;
  currency: string;
  reason: string | null;
  requestedBy: string | null;
  createdAt: Date;
  /** Who approved or rejected it, when and why; null while undecided or for one that needed no approval. */
  decision: { outcome: "approved" | "rejected"; by: string; at: Date | null; note: string | null } | null;
};

export type OrderDisputeSummary = {
  id: string;
  status: string;
  amountMinor: number;
  currency: string;
  reason: string | null;
  evidenceDueBy: Date | null;
  createdAt: Date;
};

export type OrderLedgerLine = {
  id: string;
  occurredAt: Date;
  description: string;
  accountCode: string;
  direction: "debit" | "credit";
  amountMinor: number;
  currency: string;
};

export async function loadOrderRefunds(prisma: PrismaClient, orderId: string): Promise<OrderRefundSummary[]> {
  const refunds = await listOrderRefunds(prisma, orderId);
  return refunds.map((refund) => ({
    id: refund.id,
    status: refund.status,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    reason: [refundReasonLabel(refund.reasonCode), refund.note, refund.failureReason].filter(Boolean).join(" — "),
    requestedBy: refund.requestedByName,
    createdAt: refund.createdAt,
    decision: refund.approvedByName
      ? { outcome: "approved", by: refund.approvedByName, at: refund.decidedAt, note: refund.decisionNote }
      : refund.rejectedByName
        ? { outcome: "rejected", by: refund.rejectedByName, at: refund.decidedAt, note: refund.decisionNote }
        : null,
  }));
}

export async function loadOrderDisputes(prisma: PrismaClient, orderId: string): Promise<OrderDisputeSummary[]> {
  return prisma.dispute.findMany({
    where: { orderId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      amountMinor: true,
      currency: true,
      reason: true,
      evidenceDueBy: true,
      createdAt: true,
    },
  });
}

export async function loadOrderLedgerLines(prisma: PrismaClient, orderId: string): Promise<OrderLedgerLine[]> {
  const lines = await orderLines(prisma, orderId);
  return lines.map((line) => ({
    id: line.lineId.toString(),
    occurredAt: line.occurredAt,
    description: line.description,
    accountCode: `${line.accountCode} ${line.accountName}`,
    direction: line.direction,
    // Order-sized amounts: far below 2^53, so the bigint column converts exactly.
    amountMinor: Number(line.amountMinor),
    currency: line.currency.trim(),
  }));
}
