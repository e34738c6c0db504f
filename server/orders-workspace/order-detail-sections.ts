import type { PrismaClient } from "../db/client";

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

export async function loadOrderRefunds(_prisma: PrismaClient, _orderId: string): Promise<OrderRefundSummary[]> {
  return [];
}

export async function loadOrderDisputes(_prisma: PrismaClient, _orderId: string): Promise<OrderDisputeSummary[]> {
  return [];
}

export async function loadOrderLedgerLines(_prisma: PrismaClient, _orderId: string): Promise<OrderLedgerLine[]> {
  return [];
}
