/** Stripe's dispute statuses. `warning_*` are inquiries: no money has been withdrawn yet. */
export const DISPUTE_STATUSES = [
  "warning_needs_response",
  "warning_under_review",
  "warning_closed",
  "needs_response",
  "under_review",
  "won",
  "lost",
  "prevented",
] as const;

export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] = [
  "warning_needs_response",
  "warning_under_review",
  "needs_response",
  "under_review",
];

/** Statuses in which Stripe still takes evidence. */
export const AWAITING_EVIDENCE_STATUSES: readonly DisputeStatus[] = ["warning_needs_response", "needs_response"];

const RANK: Record<DisputeStatus, number> = {
  warning_needs_response: 0,
  needs_response: 0,
  warning_under_review: 1,
  under_review: 1,
  warning_closed: 2,
  won: 2,
  lost: 2,
  prevented: 2,
};

export function isClosedDisputeStatus(status: DisputeStatus): boolean {
  return RANK[status] === 2;
}

/**
 * Whether a newer observation may replace the stored status. Events arrive in any order; a dispute
 * never goes back from under review to needs response, nor out of a closed state — except that an
 * inquiry (warning_*) may escalate into a chargeback, which starts a new response cycle.
 */
export function mayMoveDisputeStatus(current: DisputeStatus, next: DisputeStatus): boolean {
  if (current === next) return false;
  if (current.startsWith("warning_") && !next.startsWith("warning_") && !isClosedDisputeStatus(current)) return true;
  if (isClosedDisputeStatus(current)) return false;
  return RANK[next] >= RANK[current];
}

export function isDisputeStatus(value: string): value is DisputeStatus {
  return (DISPUTE_STATUSES as readonly string[]).includes(value);
}
