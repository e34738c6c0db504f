import type { OrderState } from "../orders/order-states";

/**
 * Order statuses as the back office shows and filters them, one for every state of the state
 * machine (the compiler keeps the two in step). The order state machine owns the
 * transitions; this list only decides labels and the filter's choices, so an unknown status still
 * lists (with its raw name) rather than disappearing.
 */
export const ORDER_STATUS_LABELS: Record<OrderState, string> = {
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

export function orderStatusLabel(status: string): string {
  return (ORDER_STATUS_LABELS as Record<string, string>)[status] ?? status;
}
