import type { Tx } from "../db/client";

export type LockedRefund = { id: string; status: string; orderId: string; paymentId: string };

/**
 * Every transaction that touches an order's money locks in one order: the order row, then its
 * payment, then its refunds. The webhook path does the same (order → payment → refund), so two
 * such transactions queue instead of deadlocking. Returns null for an unknown refund.
 */
export async function lockRefund(tx: Tx, refundId: string): Promise<LockedRefund | null> {
  // A refund's order and payment never change, so they can be read before any lock.
  const [owner] = await tx.$queryRaw<{ orderId: string; paymentId: string }[]>`
    SELECT "order_id"::text AS "orderId", "payment_id"::text AS "paymentId" FROM "refunds" WHERE "id" = ${refundId}::uuid`;
  if (!owner) return null;
  await tx.$queryRaw`SELECT 1 FROM "orders" WHERE "id" = ${owner.orderId}::uuid FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "payments" WHERE "id" = ${owner.paymentId}::uuid FOR UPDATE`;
  const [locked] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status" FROM "refunds" WHERE "id" = ${refundId}::uuid FOR UPDATE`;
  return locked ? { id: refundId, status: locked.status, ...owner } : null;
}

/** The first two steps of that order, for a transaction that is about to insert a refund. */
export async function lockOrderForRefunds(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "orders" WHERE "id" = ${orderId}::uuid FOR UPDATE`;
  return rows.length > 0;
}
