import type { Dispute } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { enqueueEffect } from "../jobs/outbox/enqueue-effect";
import { performEffect } from "../jobs/outbox/perform-effect";
import { STRIPE_RETRY_AFTER_SECONDS } from "../stripe/stripe-unavailable";
import type { DisputeActor, DisputeDeps } from "./dispute-deps";
import { DISPUTE_EFFECTS, disputeEvidenceIdempotencyKey } from "./dispute-effects";
import { compactEvidence, type DisputeEvidence } from "./dispute-evidence";
import { lockDisputeForEvidence } from "./lock-dispute-for-evidence";

/**
 * Submits evidence to Stripe, once. The submission is claimed under the dispute's row lock (so two
 * clicks or two staff cannot both send) and its outbox effect written in the same transaction, so
 * the evidence reaches Stripe even if the process dies next; then it is sent at once for a fast
 * answer. Stripe unreachable: 503, the claim holds and the outbox sends it later. Stripe's refusal:
 * the claim is released (the evidence stays as a draft) and the reason is shown.
 */
export async function submitDisputeEvidence(
  input: { disputeId: string; evidence: DisputeEvidence; submittedBy: DisputeActor },
  deps: DisputeDeps,
): Promise<Dispute> {
  const evidence = compactEvidence(input.evidence);
  if (Object.keys(evidence).length === 0) throw new AppError("BAD_REQUEST", "Add some evidence before submitting");
  const claimedAt = new Date();
  const effectId = await runTransaction(deps.prisma, async (tx) => {
    await lockDisputeForEvidence(tx, input.disputeId);
    await tx.dispute.update({
      where: { id: input.disputeId },
      data: { evidenceDraft: evidence, evidenceSubmittedAt: claimedAt, evidenceSubmittedById: input.submittedBy.id },
    });
    return enqueueEffect(tx, {
      kind: "stripe.dispute.submit_evidence",
      subjectId: input.disputeId,
      idempotencyKey: disputeEvidenceIdempotencyKey(input.disputeId, claimedAt),
    });
  });

  const attempt = await performEffect(effectId, DISPUTE_EFFECTS, deps, { force: true });
  const dispute = await deps.prisma.dispute.findUniqueOrThrow({ where: { id: input.disputeId } });
  if (attempt.status === "pending" || attempt.status === "dead") {
    throw new AppError(
      "UPSTREAM_UNAVAILABLE",
      "Stripe could not be reached. The evidence is saved and PayOps will submit it automatically.",
      { disputeId: dispute.id, retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS },
    );
  }
  if (!dispute.evidenceSubmittedAt) {
    const effect = await deps.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId } });
    throw new AppError("UNPROCESSABLE", `Stripe did not take the evidence; it is saved as a draft (${effect.result})`);
  }
  return dispute;
}
