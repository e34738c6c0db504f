/**
 * The order statuses checkout reads. The state machine that moves orders lives in server/orders;
 * checkout only creates orders at pending_payment and decides what the customer sees.
 */
export const ORDER_STATUS_PENDING_PAYMENT = "pending_payment";

/** While an order is in one of these, its payment can still change without the customer: keep watching. */
const WATCHED = new Set(["pending_payment", "requires_action", "processing"]);

/** Statuses in which the customer may (re)try paying on the same order. */
const PAYABLE = new Set(["pending_payment", "requires_action", "payment_failed"]);

const LABELS: Record<string, string> = {
  pending_payment: "Awaiting payment",
  requires_action: "Awaiting authentication",
  processing: "Processing",
  paid: "Paid",
  payment_failed: "Payment failed",
  in_review: "In review",
  canceled: "Canceled",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
  disputed: "Disputed",
  dispute_won: "Paid",
  dispute_lost: "Disputed",
};

export function isWatchedStatus(status: string): boolean {
  return WATCHED.has(status);
}

export function isPayableStatus(status: string): boolean {
  return PAYABLE.has(status);
}

export function orderStatusLabel(status: string): string {
  return LABELS[status] ?? status.replaceAll("_", " ").replace(/^./, (first) => first.toUpperCase());
}
