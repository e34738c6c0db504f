/**
 * The Stripe event types PayOps acts on. Anything else is stored in the inbox and acknowledged,
 * marked ignored on arrival, never processed.
 */
export const HANDLED_EVENT_TYPES = [
  "payment_intent.created",
  "payment_intent.requires_action",
  "payment_intent.processing",
  "payment_intent.amount_capturable_updated",
  "payment_intent.payment_failed",
  "payment_intent.succeeded",
  "payment_intent.canceled",
  "charge.succeeded",
  "charge.failed",
  "charge.captured",
  "charge.updated",
  "charge.refunded",
  "charge.refund.updated",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  "charge.dispute.funds_withdrawn",
  "charge.dispute.funds_reinstated",
  "radar.early_fraud_warning.created",
  "review.opened",
  "review.closed",
  "payout.created",
  "payout.paid",
  "payout.failed",
  "payout.canceled",
] as const;

export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

const HANDLED: ReadonlySet<string> = new Set(HANDLED_EVENT_TYPES);

export function isHandledEventType(type: string): type is HandledEventType {
  return HANDLED.has(type);
}
