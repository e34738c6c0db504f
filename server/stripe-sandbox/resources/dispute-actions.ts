import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { clone } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { previousAttributes } from "../events/previous-attributes";
import { invalidRequest } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalBoolean, optionalObject, optionalString } from "../http/params";
import { createBalanceTransaction } from "./balance-transactions";
import { retrieveCharge } from "./charges";
import { EVIDENCE_FIELDS, isInquiry } from "./disputes";

const CLOSED = ["won", "lost", "warning_closed", "prevented"];

function assertOpen(dispute: Stripe.Dispute, action: string) {
  if (CLOSED.includes(dispute.status)) {
    throw invalidRequest(`This dispute is already closed (status ${dispute.status}); you cannot ${action} it.`, {
      code: "dispute_already_closed",
    });
  }
}

/** POST /v1/disputes/:id: stage or submit evidence, edit metadata. */
export function updateDispute(sb: Sandbox, dispute: Stripe.Dispute, params: Params): Stripe.Dispute {
  const evidenceParams = optionalObject(params, "evidence");
  const submitParam = optionalBoolean(params, "submit");
  const submit = submitParam ?? evidenceParams !== undefined;
  if (evidenceParams || submit) assertOpen(dispute, "update the evidence of");
  const before = clone(dispute);
  dispute.metadata = applyMetadata(dispute.metadata, params);
  if (evidenceParams) {
    const evidence = dispute.evidence as unknown as Record<string, unknown>;
    for (const field of EVIDENCE_FIELDS) {
      const value = optionalString(evidenceParams, field);
      if (value !== undefined) evidence[field] = value || null;
    }
    dispute.evidence_details.has_evidence = true;
  }
  if (submit && (dispute.status === "needs_response" || dispute.status === "warning_needs_response")) {
    dispute.status = isInquiry(dispute) ? "warning_under_review" : "under_review";
    dispute.evidence_details.submission_count += 1;
    dispute.evidence_details.submission_method = "manual";
    // Stripe's test evidence strings decide the outcome.
    const text = dispute.evidence.uncategorized_text;
    if (text === "winning_evidence" || text === "losing_evidence") {
      sb.schedule(
        "dispute.settle",
        dispute.id,
        sb.config.timing.disputeEvidenceSettleDelayMs,
        text === "winning_evidence" ? "won" : "lost",
      );
    }
  }
  sb.touch();
  emitEvent(sb, "charge.dispute.updated", dispute, previousAttributes(before as never, dispute as never));
  return dispute;
}

/** Accepting the dispute: a chargeback is lost, an inquiry simply closes. */
export function closeDispute(sb: Sandbox, dispute: Stripe.Dispute): Stripe.Dispute {
  assertOpen(dispute, "close");
  dispute.status = isInquiry(dispute) ? "warning_closed" : "lost";
  dispute.is_charge_refundable = isInquiry(dispute) || dispute.is_charge_refundable;
  sb.touch();
  emitEvent(sb, "charge.dispute.closed", dispute);
  return dispute;
}

/** The bank's decision; a won chargeback reinstates the disputed amount. */
export function settleDispute(sb: Sandbox, dispute: Stripe.Dispute, outcome: "won" | "lost"): Stripe.Dispute {
  assertOpen(dispute, "settle");
  if (isInquiry(dispute)) {
    dispute.status = "warning_closed";
    sb.touch();
    emitEvent(sb, "charge.dispute.closed", dispute);
    return dispute;
  }
  dispute.status = outcome;
  sb.touch();
  emitEvent(sb, "charge.dispute.closed", dispute);
  if (outcome === "won") {
    const charge = retrieveCharge(sb, dispute.charge as string);
    const { disputeFee, disputeFeeRefundedOnWin } = sb.config.pricing;
    const transaction = createBalanceTransaction(sb, {
      amount: dispute.amount,
      currency: dispute.currency,
      type: "adjustment",
      reportingCategory: "dispute_reversal",
      source: dispute.id,
      description: `Chargeback reversal for ${charge.id}`,
      ...(disputeFeeRefundedOnWin ? { fee: { amount: -disputeFee, description: "Dispute fee refund" } } : {}),
      availableNow: true,
    });
    dispute.balance_transactions.push(transaction);
    sb.touch();
    emitEvent(sb, "charge.dispute.funds_reinstated", dispute);
  }
  return dispute;
}
