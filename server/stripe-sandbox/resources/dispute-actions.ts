import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { clone } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { previousAttributes } from "../events/previous-attributes";
import { invalidParam, invalidRequest } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalBoolean, optionalObject, optionalString } from "../http/params";
import { createBalanceTransaction } from "./balance-transactions";
import { retrieveCharge } from "./charges";
import { EVIDENCE_FIELDS, EVIDENCE_FILE_FIELDS, isInquiry } from "./disputes";

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
    const staged: Record<string, string | null> = {};
    for (const field of EVIDENCE_FIELDS) {
      const value = optionalString(evidenceParams, field);
      if (value !== undefined) staged[field] = value || null;
    }
    assertEvidenceFiles(sb, { ...evidence, ...staged });
    Object.assign(evidence, staged);
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

/** Stripe caps the files of one dispute's evidence together, below the 5 MB a single upload may be. */
export const EVIDENCE_FILES_TOTAL_BYTES = 4.5 * 1024 * 1024;

/** A file field names an uploaded dispute_evidence file, and the files together stay under Stripe's cap. */
function assertEvidenceFiles(sb: Sandbox, evidence: Record<string, unknown>): void {
  let totalBytes = 0;
  for (const field of EVIDENCE_FILE_FIELDS) {
    const id = evidence[field];
    if (typeof id !== "string" || !id) continue;
    const file = sb.state.files[id];
    if (!file) throw invalidParam(`evidence[${field}]`, `No such file upload: '${id}'`);
    if (file.purpose !== "dispute_evidence") {
      throw invalidParam(
        `evidence[${field}]`,
        `The file ${id} was uploaded with purpose ${file.purpose}; evidence takes files uploaded with purpose dispute_evidence.`,
      );
    }
    totalBytes += file.size;
  }
  if (totalBytes > EVIDENCE_FILES_TOTAL_BYTES) {
    throw invalidRequest(
      "The files you've attached to this dispute as evidence will exceed the limit for a dispute's total size. Try using smaller files as evidence.",
    );
  }
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
