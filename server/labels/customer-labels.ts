import type { OrderState } from "../orders/order-states";
import { labelFrom } from "./in-words";

/**
 * What the customer reads on the order page, the receipt and the mails: a dispute is between the
 * merchant and the bank, so a won one still reads "Paid" and a lost one "Disputed".
 */
export const CUSTOMER_ORDER_STATUS_LABELS: Record<OrderState, string> = {
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

export function customerOrderStatusLabel(status: string): string {
  return labelFrom(CUSTOMER_ORDER_STATUS_LABELS, status);
}
