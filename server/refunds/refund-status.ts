/** Where a refund stands. The first three are ours; the rest are Stripe's refund statuses. */
export const REFUND_STATUSES = [
  "awaiting_approval",
  "rejected",
  "issuing",
  "pending",
  "requires_action",
  "succeeded",
  "failed",
  "canceled",
] as const;

export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * Statuses whose amount is spoken for: money that has left or may still leave. Counting the ones
 * awaiting approval too means approving later can never exceed what was captured.
 */
export const COMMITTED_REFUND_STATUSES: readonly RefundStatus[] = [
  "awaiting_approval",
  "issuing",
  "pending",
  "requires_action",
  "succeeded",
];

/**
 * How far along a refund is. Stripe may report a refund's states out of order (a late
 * `refund.created` after `refund.updated`), so a status only replaces one of a lower rank;
 * succeeded → failed is real (the card network returned the money) and ranks higher.
 */
const RANK: Record<RefundStatus, number> = {
  awaiting_approval: 0,
  issuing: 0,
  rejected: 3,
  pending: 1,
  requires_action: 1,
  succeeded: 2,
  failed: 3,
  canceled: 3,
};

export function isFinalRefundStatus(status: RefundStatus): boolean {
  return RANK[status] === 3;
}

/** Whether Stripe's `next` may replace `current`: never backwards, never out of a final state. */
export function mayMoveRefundStatus(current: RefundStatus, next: RefundStatus): boolean {
  if (current === next || isFinalRefundStatus(current)) return false;
  return RANK[next] >= RANK[current];
}

export function isRefundStatus(value: string): value is RefundStatus {
  return (REFUND_STATUSES as readonly string[]).includes(value);
}

export const REFUND_REASON_CODES = [
  "requested_by_customer",
  "damaged",
  "not_received",
  "duplicate",
  "fraudulent",
  "goodwill",
  "other",
] as const;

export type RefundReasonCode = (typeof REFUND_REASON_CODES)[number];

/** Stripe takes only three reasons; ours are finer and map onto them (or onto none). */
export function stripeRefundReason(
  code: RefundReasonCode,
): "duplicate" | "fraudulent" | "requested_by_customer" | undefined {
  if (code === "duplicate" || code === "fraudulent") return code;
  if (code === "requested_by_customer" || code === "damaged" || code === "not_received") return "requested_by_customer";
  return undefined;
}

export function reasonCodeFromStripe(reason: string | null | undefined): RefundReasonCode {
  if (reason === "duplicate" || reason === "fraudulent" || reason === "requested_by_customer") return reason;
  return "other";
}
