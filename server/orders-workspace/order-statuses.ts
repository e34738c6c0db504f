/**
 * Order statuses as the back office shows and filters them. The order state machine owns the
 * transitions; this list only decides labels and the filter's choices, so an unknown status still
 * lists (with its raw name) rather than disappearing.
 */
export const ORDER_STATUS_LABELS: Record<string, string> = {
  pending_payment: "Pending payment",
  in_review: "In review",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  disputed: "Disputed",
  payment_failed: "Payment failed",
  canceled: "Canceled",
};

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS);

export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status] ?? status;
}
