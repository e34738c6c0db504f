/** Every status an order can have; stored as text in orders.status. */
export const ORDER_STATES = [
  "pending_payment",
  "requires_action",
  "processing",
  "payment_failed",
  "in_review",
  "paid",
  "canceled",
  "partially_refunded",
  "refunded",
  "disputed",
  "dispute_won",
  "dispute_lost",
] as const;

export type OrderState = (typeof ORDER_STATES)[number];

/**
 * How far along the payment an order is. An order only moves to a higher stage, so a late or
 * duplicated event can never pull it back. Within the payment-attempt stage (0) the customer may
 * go back and forth (a decline, then a retry), so there the newer Stripe observation wins.
 */
export const ORDER_STAGE: Record<OrderState, number> = {
  pending_payment: 0,
  requires_action: 0,
  processing: 0,
  payment_failed: 0,
  in_review: 1,
  paid: 2,
  canceled: 2,
  partially_refunded: 3,
  refunded: 4,
  disputed: 5,
  dispute_won: 6,
  dispute_lost: 6,
};

/** States from which nothing Stripe reports about the PaymentIntent can move the order further. */
export const PAYMENT_SETTLED_STATES: ReadonlySet<OrderState> = new Set(
  ORDER_STATES.filter((state) => ORDER_STAGE[state] >= 2),
);

export function isOrderState(value: string): value is OrderState {
  return (ORDER_STATES as readonly string[]).includes(value);
}
