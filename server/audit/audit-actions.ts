/**
 * Every action the audit log records. Money-moving staff actions must carry an amount, a currency
 * and a reason; the refunds and disputes rooms add their actions here.
 */
export const MONEY_ACTIONS = [
  "refund.requested",
  "refund.approved",
  "refund.rejected",
  "dispute.evidence_submitted",
  "dispute.accepted",
  "order.canceled",
  "reconciliation.adjusting_entry_posted",
  "fraud.review_approved",
  "fraud.review_rejected",
] as const;

export const STAFF_ACCOUNT_ACTIONS = [
  "staff.signed_in",
  "staff.sign_in_failed",
  "staff.locked_out",
  "staff.rate_limited",
  "staff.two_factor_enabled",
  "staff.two_factor_reset",
  "staff.recovery_code_used",
  "staff.two_factor_requirement_changed",
  "staff.signed_out_everywhere",
  "staff.created",
  "staff.role_changed",
  "staff.deactivated",
  "staff.reactivated",
] as const;

/** An admin gave a parked inbox event or outbox effect another go, or set it aside for good. */
export const OPERATIONS_ACTIONS = [
  "dead_letter.replayed",
  "dead_letter.discarded",
  "event_processing.paused",
  "event_processing.resumed",
] as const;

/** Finance working the reconciliation break queue and signing off a month (the run's own resolutions too). */
export const RECONCILIATION_ACTIONS = [
  "reconciliation.break_assigned",
  "reconciliation.break_resolved",
  "reconciliation.period_closed",
] as const;

/** Risk staff changing the fraud rules and saved lists (each rule change is also a version). */
export const FRAUD_RULE_ACTIONS = [
  "fraud.rule_added",
  "fraud.rule_edited",
  "fraud.rule_enabled",
  "fraud.rule_disabled",
  "fraud.rule_moved",
  "fraud.list_added",
  "fraud.list_entry_added",
  "fraud.list_entry_removed",
  "fraud.early_warning_applied",
  "fraud.stripe_review_opened",
  "fraud.stripe_review_closed",
] as const;

/** Admins and finance connecting accounting systems, choosing where accounts post, and sending journals by hand. */
export const ACCOUNTING_ACTIONS = [
  "accounting.connected",
  "accounting.mapping_saved",
  "accounting.sync_started",
  "accounting.journals_retried",
] as const;

export const AUDIT_ACTIONS = [
  ...MONEY_ACTIONS,
  ...STAFF_ACCOUNT_ACTIONS,
  ...OPERATIONS_ACTIONS,
  ...RECONCILIATION_ACTIONS,
  ...FRAUD_RULE_ACTIONS,
  ...ACCOUNTING_ACTIONS,
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isMoneyAction(action: string): boolean {
  return (MONEY_ACTIONS as readonly string[]).includes(action);
}

export const AUDIT_ACTOR_KINDS = ["staff", "system", "stripe_dashboard"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];
