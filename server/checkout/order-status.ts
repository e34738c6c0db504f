import type { OrderState } from "../orders/order-states";

/**
 * The order statuses checkout reads. The state machine that moves orders lives in server/orders;
 * checkout only creates orders at pending_payment and decides what the customer sees.
 */
export const ORDER_STATUS_PENDING_PAYMENT = "pending_payment" satisfies OrderState;

/** While an order is in one of these, its payment can still change without the customer: keep watching. */
const WATCHED: ReadonlySet<string> = new Set<OrderState>(["pending_payment", "requires_action", "processing"]);

/** Statuses in which the customer may (re)try paying on the same order. */
const PAYABLE: ReadonlySet<string> = new Set<OrderState>(["pending_payment", "requires_action", "payment_failed"]);

export function isWatchedStatus(status: string): boolean {
  return WATCHED.has(status);
}

export function isPayableStatus(status: string): boolean {
  return PAYABLE.has(status);
}
