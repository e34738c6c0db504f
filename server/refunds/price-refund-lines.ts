import { AppError } from "../errors";
import { allocate } from "../money";

export type OrderLineForRefund = {
  id: string;
  productName: string;
  quantity: number;
  lineTotalMinor: number;
  /** Units of this line already in a committed refund. */
  refundedQuantity: number;
};

export type RequestedRefundLine = { orderItemId: string; quantity: number };

export type PricedRefundLine = { orderItemId: string; quantity: number; amountMinor: number };

/**
 * Prices a refund of some units of some lines. A line's units are priced as their share of the line
 * total, split by largest remainder, so refunding a line unit by unit adds up to exactly its total
 * (a 10.00 line of 3 units refunds 3.34, 3.33, 3.33, never 3.33 × 3).
 */
export function priceRefundLines(orderLines: readonly OrderLineForRefund[], requested: readonly RequestedRefundLine[]) {
  if (requested.length === 0) throw new AppError("BAD_REQUEST", "Choose at least one line to refund");
  const seen = new Set<string>();
  const priced: PricedRefundLine[] = requested.map((line) => {
    if (seen.has(line.orderItemId)) throw new AppError("BAD_REQUEST", "Each order line may appear once in a refund");
    seen.add(line.orderItemId);
    const orderLine = orderLines.find((candidate) => candidate.id === line.orderItemId);
    if (!orderLine) throw new AppError("BAD_REQUEST", `Line ${line.orderItemId} is not on this order`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new AppError("BAD_REQUEST", "A refunded quantity must be a whole number of at least 1");
    }
    const remaining = orderLine.quantity - orderLine.refundedQuantity;
    if (line.quantity > remaining) {
      throw new AppError(
        "UNPROCESSABLE",
        `Only ${remaining} of ${orderLine.quantity} × ${orderLine.productName} can still be refunded`,
      );
    }
    return {
      orderItemId: line.orderItemId,
      quantity: line.quantity,
      amountMinor: unitsAmount(orderLine, line.quantity),
    };
  });
  return { lines: priced, amountMinor: priced.reduce((sum, line) => sum + line.amountMinor, 0) };
}

/** The amount of the next `quantity` units of a line, given how many were refunded before. */
function unitsAmount(line: OrderLineForRefund, quantity: number): number {
  const perUnit = allocate(
    line.lineTotalMinor,
    Array.from({ length: line.quantity }, () => 1),
  );
  return perUnit.slice(line.refundedQuantity, line.refundedQuantity + quantity).reduce((sum, unit) => sum + unit, 0);
}
