import type { OrderState } from "./order-states";

/**
 * What the customer reads on the order page: a dispute is between the merchant and the bank, so
 * a won one still reads "Paid" and a lost one "Disputed".
 */
const CUSTOMER_LABELS: Record<OrderState, string> = {
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

/** What staff read in the back office, where the dispute's outcome matters. */
export const STAFF_ORDER_STATUS_LABELS: Record<OrderState, string> = {
  pending_payment: "Pending payment",
  requires_action: "Awaiting authentication",
  processing: "Processing",
  in_review: "In review",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  disputed: "Disputed",
  payment_failed: "Payment failed",
  canceled: "Canceled",
  dispute_won: "Dispute won",
  dispute_lost: "Dispute lost",
};

/** A status no table knows yet (a newer state) still reads as words, never as an enum value. */
function inWords(status: string): string {
  return status.replaceAll("_", " ").replace(/^./, (first) => first.toUpperCase());
}

export function customerOrderStatusLabel(status: string): string {
  return (CUSTOMER_LABELS as Record<string, string>)[status] ?? inWords(status);
}

export function staffOrderStatusLabel(status: string): string {
  return (STAFF_ORDER_STATUS_LABELS as Record<string, string>)[status] ?? inWords(status);
}
