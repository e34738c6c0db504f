import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { resourceMissing } from "../http/errors";
import { createBalanceTransaction } from "./balance-transactions";
import { closeReviewOfCharge } from "./reviews";

const DAY_SECONDS = 86_400;

export const EVIDENCE_FIELDS = [
  "access_activity_log",
  "billing_address",
  "cancellation_policy",
  "cancellation_policy_disclosure",
  "cancellation_rebuttal",
  "customer_communication",
  "customer_email_address",
  "customer_name",
  "customer_purchase_ip",
  "customer_signature",
  "duplicate_charge_documentation",
  "duplicate_charge_explanation",
  "duplicate_charge_id",
  "product_description",
  "receipt",
  "refund_policy",
  "refund_policy_disclosure",
  "refund_refusal_explanation",
  "service_date",
  "service_documentation",
  "shipping_address",
  "shipping_carrier",
  "shipping_date",
  "shipping_documentation",
  "shipping_tracking_number",
  "uncategorized_file",
  "uncategorized_text",
] as const;

/** The evidence fields that take the id of a file uploaded with purpose `dispute_evidence`. */
export const EVIDENCE_FILE_FIELDS = [
  "cancellation_policy",
  "customer_communication",
  "customer_signature",
  "duplicate_charge_documentation",
  "receipt",
  "refund_policy",
  "service_documentation",
  "shipping_documentation",
  "uncategorized_file",
] as const;

function emptyEvidence(): Stripe.Dispute.Evidence {
  const evidence: Record<string, unknown> = { enhanced_evidence: {} };
  for (const field of EVIDENCE_FIELDS) evidence[field] = null;
  return evidence as unknown as Stripe.Dispute.Evidence;
}

export function isInquiry(dispute: Stripe.Dispute): boolean {
  return dispute.status.startsWith("warning_");
}

/** Chargebacks withdraw the amount plus Stripe's dispute fee; inquiries move no money. */
export function withdrawDisputedFunds(sb: Sandbox, dispute: Stripe.Dispute, charge: Stripe.Charge) {
  const transaction = createBalanceTransaction(sb, {
    amount: -dispute.amount,
    currency: dispute.currency,
    type: "adjustment",
    reportingCategory: "dispute",
    source: dispute.id,
    description: `Chargeback withdrawal for ${charge.id}`,
    fee: { amount: sb.config.pricing.disputeFee, description: "Dispute fee" },
    availableNow: true,
  });
  dispute.balance_transactions.push(transaction);
  dispute.is_charge_refundable = false;
  sb.touch();
  emitEvent(sb, "charge.dispute.funds_withdrawn", dispute);
}

/** The dispute test cards open a dispute as soon as the payment succeeds. */
export function openDisputeForCharge(
  sb: Sandbox,
  charge: Stripe.Charge,
  kind: { status: "needs_response" | "warning_needs_response"; reason: string },
): Stripe.Dispute {
  const now = sb.now();
  const dueBy = (Math.floor(now / DAY_SECONDS) + sb.config.timing.disputeResponseDays + 1) * DAY_SECONDS - 1;
  const inquiry = kind.status === "warning_needs_response";
  const dispute: Stripe.Dispute = {
    id: newId("du"),
    object: "dispute",
    amount: charge.amount_captured,
    balance_transactions: [],
    charge: charge.id,
    created: now,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: {
      due_by: dueBy,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "not_submitted",
    },
    intended_submission_method: null,
    is_charge_refundable: inquiry,
    livemode: false,
    metadata: {},
    network_reason_code: "10.4",
    payment_intent: charge.payment_intent as string | null,
    payment_method_details: {
      type: "card",
      card: {
        brand: "visa",
        case_type: inquiry ? "inquiry" : "chargeback",
        network: "visa",
        network_reason_code: "10.4",
      },
    },
    reason: kind.reason,
    status: kind.status,
  };
  sb.state.disputes[dispute.id] = dispute;
  charge.disputed = true;
  sb.touch();
  emitEvent(sb, "charge.dispute.created", dispute);
  if (!inquiry) withdrawDisputedFunds(sb, dispute, charge);
  closeReviewOfCharge(sb, charge, "disputed");
  return dispute;
}

export function retrieveDispute(sb: Sandbox, id: string): Stripe.Dispute {
  const dispute = sb.state.disputes[id];
  if (!dispute) throw resourceMissing("dispute", id);
  return dispute;
}
