import type { Tx } from "../db/client";
import { COMMITTED_REFUND_STATUSES } from "./refund-status";

/** An order's lines with how many units of each are already refunded or on their way back. */
export async function orderLinesRefunded(db: Pick<Tx, "orderItem">, orderId: string) {
  const items = await db.orderItem.findMany({
    where: { orderId },
    orderBy: { productName: "asc" },
    select: {
      id: true,
      productName: true,
      quantity: true,
      lineTotalMinor: true,
      refundLines: {
        where: { refund: { status: { in: [...COMMITTED_REFUND_STATUSES] } } },
        select: { quantity: true },
      },
    },
  });
  return items.map(({ refundLines, ...item }) => ({
    ...item,
    refundedQuantity: refundLines.reduce((sum, line) => sum + line.quantity, 0),
  }));
}
