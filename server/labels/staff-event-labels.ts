import type { AuditAction } from "../audit/audit-actions";
import { inWords, labelFrom } from "./in-words";

/** What a Stripe event says happened, in the words of the order's story. */
export const STRIPE_EVENT_LABELS: Record<string, string> = {
  "payment_intent.created": "Payment started",
  "payment_intent.requires_action": "Bank asked for 3-D Secure",
  "payment_intent.processing": "Bank processing the payment",
  "payment_intent.amount_capturable_updated": "Payment authorised, waiting for capture",
  "payment_intent.payment_failed": "Payment failed",
  "payment_intent.succeeded": "Payment succeeded",
  "payment_intent.canceled": "Payment canceled",
  "charge.succeeded": "Card charged",
  "charge.failed": "Card charge failed",
  "charge.captured": "Charge captured",
  "charge.updated": "Charge updated",
  "charge.refunded": "Charge refunded",
  "charge.refund.updated": "Refund updated",
  "refund.created": "Refund created at Stripe",
  "refund.updated": "Refund updated at Stripe",
  "refund.failed": "Refund failed at Stripe",
  "charge.dispute.created": "Customer disputed the payment",
  "charge.dispute.updated": "Dispute updated",
  "charge.dispute.closed": "Dispute closed",
  "charge.dispute.funds_withdrawn": "Disputed funds withdrawn",
  "charge.dispute.funds_reinstated": "Disputed funds returned",
  "radar.early_fraud_warning.created": "Card network warned of fraud",
  "review.opened": "Stripe Radar opened a review",
  "review.closed": "Stripe Radar closed its review",
  "payout.created": "Payout created",
  "payout.paid": "Payout paid",
  "payout.failed": "Payout failed",
  "payout.canceled": "Payout canceled",
};

/** What PayOps did with a stored Stripe event. */
export const EVENT_OUTCOME_LABELS: Record<string, string> = {
  applied: "applied to the order",
  stale: "already reflected (arrived late)",
  recorded: "recorded",
  ignored: "not needed",
};

/** What made PayOps look at an order again (order_status_history.cause, before its `:` id). */
export const ORDER_CHANGE_CAUSE_LABELS: Record<string, string> = {
  stripe_event: "from a Stripe event",
  stripe_event_replay: "from a replayed Stripe event",
  return_page: "when the customer came back from paying",
  sweeper: "by the background check for stuck orders",
  checkout: "at checkout",
  outbox_effect: "after a call PayOps made to Stripe",
  staff: "by staff",
  expiry: "after the payment time ran out",
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "refund.requested": "Refund requested",
  "refund.approved": "Refund approved",
  "refund.rejected": "Refund rejected",
  "dispute.evidence_submitted": "Dispute evidence submitted",
  "dispute.accepted": "Dispute accepted",
  "order.canceled": "Order canceled",
  "staff.signed_in": "Signed in",
  "staff.sign_in_failed": "Sign-in failed",
  "staff.locked_out": "Locked out after failed sign-ins",
  "staff.rate_limited": "Sign-in slowed down (too many attempts)",
  "staff.two_factor_enabled": "Two-factor sign-in set up",
  "staff.two_factor_reset": "Two-factor sign-in reset",
  "staff.recovery_code_used": "Recovery code used",
  "staff.two_factor_requirement_changed": "Two-factor requirement changed",
  "staff.signed_out_everywhere": "Signed out everywhere",
  "staff.created": "Staff member added",
  "staff.role_changed": "Role changed",
  "staff.deactivated": "Staff member deactivated",
  "staff.reactivated": "Staff member reactivated",
  "dead_letter.replayed": "Failed item sent again",
  "dead_letter.discarded": "Failed item set aside",
  "event_processing.paused": "Processing of Stripe events paused",
  "event_processing.resumed": "Processing of Stripe events resumed",
  "reconciliation.adjusting_entry_posted": "Adjusting entry posted",
  "fraud.review_approved": "Held payment approved and captured",
  "fraud.review_rejected": "Held payment rejected and released",
  "reconciliation.break_assigned": "Reconciliation difference assigned",
  "reconciliation.break_resolved": "Reconciliation difference resolved",
  "reconciliation.period_closed": "Month closed",
  "fraud.rule_added": "Fraud rule added",
  "fraud.rule_edited": "Fraud rule edited",
  "fraud.rule_enabled": "Fraud rule switched on",
  "fraud.rule_disabled": "Fraud rule switched off",
  "fraud.rule_moved": "Fraud rule moved in the order",
  "fraud.list_added": "Fraud list added",
  "fraud.list_entry_added": "Entry added to a fraud list",
  "fraud.list_entry_removed": "Entry removed from a fraud list",
  "fraud.early_warning_applied": "Early fraud warning handled by policy",
  "fraud.stripe_review_opened": "Stripe Radar's review put the order in the review queue",
  "fraud.stripe_review_closed": "Stripe Radar's review closed at Stripe",
  "accounting.connected": "Accounting system connected",
  "accounting.mapping_saved": "Account mapping saved",
  "accounting.sync_started": "Accounting sync started by hand",
  "accounting.journals_retried": "Failed journals sent again",
};

export const stripeEventLabel = (type: string) => labelFrom(STRIPE_EVENT_LABELS, type);
export const eventOutcomeLabel = (outcome: string) =>
  Object.hasOwn(EVENT_OUTCOME_LABELS, outcome)
    ? (EVENT_OUTCOME_LABELS[outcome] as string)
    : inWords(outcome).toLowerCase();
export const auditActionLabel = (action: string) => labelFrom(AUDIT_ACTION_LABELS, action);

/** A stored cause (`stripe_event:evt_…`, `return_page`) in words; the id stays for the details. */
export function orderChangeCauseLabel(cause: string): string {
  const kind = cause.split(":", 1)[0] ?? cause;
  return Object.hasOwn(ORDER_CHANGE_CAUSE_LABELS, kind)
    ? (ORDER_CHANGE_CAUSE_LABELS[kind] as string)
    : inWords(kind).toLowerCase();
}
