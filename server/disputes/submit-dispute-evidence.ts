import { recordAudit } from "../audit/record-audit";
import type { Dispute } from "../db/generated/client";
import { AppError } from "../errors";
import { logger } from "../observability/logger";
import type { DisputeActor, DisputeDeps } from "./dispute-deps";
import { compactEvidence, type DisputeEvidence } from "./dispute-evidence";
import { lockDisputeForEvidence } from "./lock-dispute-for-evidence";
import { syncDisputeFromStripe } from "./sync-dispute-from-stripe";

/**
 * Submits evidence to Stripe, once. The submission is claimed in the database first (so two clicks
 * or two staff cannot both send), then sent with an idempotency key derived from the dispute; if
 * Stripe cannot be reached the claim is released so the evidence can be sent again.
 */
export async function submitDisputeEvidence(
  input: { disputeId: string; evidence: DisputeEvidence; submittedBy: DisputeActor },
  deps: DisputeDeps,
): Promise<Dispute> {
  const evidence = compactEvidence(input.evidence);
  if (Object.keys(evidence).length === 0) throw new AppError("BAD_REQUEST", "Add some evidence before submitting");
  const claimedAt = new Date();
  const claimed = await deps.prisma.$transaction(async (tx) => {
    await lockDisputeForEvidence(tx, input.disputeId);
    return tx.dispute.update({
      where: { id: input.disputeId },
      data: { evidenceDraft: evidence, evidenceSubmittedAt: claimedAt, evidenceSubmittedById: input.submittedBy.id },
    });
  });

  let updated: Awaited<ReturnType<typeof deps.stripe.disputes.update>>;
  try {
    updated = await deps.stripe.disputes.update(
      claimed.stripeDisputeId,
      { evidence, submit: true, expand: ["balance_transactions"] },
      { idempotencyKey: `dispute-evidence:${claimed.id}:${claimedAt.getTime()}` },
    );
  } catch (error) {
    logger.warn({ disputeId: claimed.id, err: error }, "dispute evidence could not be submitted to Stripe");
    await deps.prisma.dispute.updateMany({
      where: { id: claimed.id, evidenceSubmittedAt: claimedAt },
      data: { evidenceSubmittedAt: null, evidenceSubmittedById: null },
    });
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("UPSTREAM_UNAVAILABLE", `Stripe did not take the evidence; it is saved, try again (${message})`);
  }

  return deps.prisma.$transaction(async (tx) => {
    const synced = await syncDisputeFromStripe(tx, updated);
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.submittedBy.id },
      action: "dispute.evidence_submitted",
      subject: { type: "dispute", id: claimed.id },
      amount: { minor: claimed.amountMinor, currency: claimed.currency },
      reason: `Evidence for a ${claimed.reason.replaceAll("_", " ")} dispute`,
      before: { status: claimed.status, submitted: false },
      after: { status: updated.status, submitted: true, fields: Object.keys(evidence) },
    });
    return synced.kind === "synced" ? synced.dispute : tx.dispute.findUniqueOrThrow({ where: { id: claimed.id } });
  });
}
