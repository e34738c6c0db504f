import type Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import type { Dispute } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import type { JobContext } from "../jobs/job-definition";
import type { EffectOutcome, EffectPerformers, OutboxEffectRow } from "../jobs/outbox/outbox-effect";
import { applyDispute } from "../orders/apply-dispute";
import { isStripeRefusal } from "../stripe/stripe-error-kind";
import { AWAITING_EVIDENCE_STATUSES, type DisputeStatus, isClosedDisputeStatus } from "./dispute-status";
import { syncDisputeFromStripe } from "./sync-dispute-from-stripe";

/** The Stripe idempotency key of one submission: the dispute and the moment staff claimed it. */
export function disputeEvidenceIdempotencyKey(disputeId: string, claimedAt: Date): string {
  return `dispute-evidence:${disputeId}:${claimedAt.getTime()}`;
}

/**
 * Sends a claimed submission's evidence to Stripe, safe to repeat: a repeat first reads the
 * dispute at Stripe, and one that already holds a submission (or takes none any more) is the
 * effect done. Stripe's refusal (a 400) releases the claim so staff can correct and send again;
 * a network error or 5xx is thrown, so the outbox retries with backoff while the claim holds.
 */
async function submitEvidenceToStripe(effect: OutboxEffectRow, context: JobContext): Promise<EffectOutcome> {
  const dispute = await context.prisma.dispute.findUnique({ where: { id: effect.subjectId } });
  if (!dispute) return { kind: "done", result: "the dispute no longer exists" };
  const claimedAt = dispute.evidenceSubmittedAt;
  if (!claimedAt || disputeEvidenceIdempotencyKey(dispute.id, claimedAt) !== effect.idempotencyKey) {
    return { kind: "done", result: "this submission was withdrawn before it reached Stripe" };
  }
  const expand = ["balance_transactions"];
  if (effect.attempts > 1) {
    const atStripe = await context.stripe.disputes.retrieve(dispute.stripeDisputeId, { expand });
    const awaiting = (AWAITING_EVIDENCE_STATUSES as readonly string[]).includes(atStripe.status);
    if (atStripe.evidence_details.submission_count > 0 || !awaiting) {
      await recordSubmission(context.prisma, dispute, atStripe);
      return { kind: "done", result: `already at Stripe: ${atStripe.status}` };
    }
  }
  let updated: Stripe.Dispute;
  try {
    updated = await context.stripe.disputes.update(
      dispute.stripeDisputeId,
      { evidence: (dispute.evidenceDraft ?? {}) as Stripe.DisputeUpdateParams.Evidence, submit: true, expand },
      { idempotencyKey: effect.idempotencyKey },
    );
  } catch (error) {
    if (!isStripeRefusal(error)) throw error;
    await context.prisma.dispute.updateMany({
      where: { id: dispute.id, evidenceSubmittedAt: claimedAt },
      data: { evidenceSubmittedAt: null, evidenceSubmittedById: null },
    });
    return { kind: "done", result: `refused by Stripe: ${error instanceof Error ? error.message : String(error)}` };
  }
  await recordSubmission(context.prisma, dispute, updated);
  return { kind: "done", result: `submitted: ${updated.status}` };
}

/** Applies Stripe's dispute and audits the submission, once per dispute however often this runs. */
async function recordSubmission(prisma: PrismaClient, claimed: Dispute, atStripe: Stripe.Dispute): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    await tx.$queryRaw`SELECT id FROM disputes WHERE id = ${claimed.id}::uuid FOR UPDATE`;
    await syncDisputeFromStripe(tx, atStripe);
    const audited = await tx.auditLog.findFirst({
      where: { action: "dispute.evidence_submitted", subjectType: "dispute", subjectId: claimed.id },
      select: { id: true },
    });
    if (audited || !claimed.evidenceSubmittedById) return;
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: claimed.evidenceSubmittedById },
      action: "dispute.evidence_submitted",
      subject: { type: "dispute", id: claimed.id },
      amount: { minor: claimed.amountMinor, currency: claimed.currency },
      reason: `Evidence for a ${claimed.reason.replaceAll("_", " ")} dispute`,
      before: { status: claimed.status, submitted: false },
      after: { status: atStripe.status, submitted: true, fields: Object.keys(claimed.evidenceDraft ?? {}) },
    });
  });
}

/**
 * Accepts (closes) a dispute at Stripe, safe to repeat: a dispute already closed there is the
 * effect done; Stripe's refusal is recorded as the result. The local row follows Stripe's answer.
 */
async function closeDisputeAtStripe(effect: OutboxEffectRow, context: JobContext): Promise<EffectOutcome> {
  const dispute = await context.prisma.dispute.findUnique({ where: { id: effect.subjectId } });
  if (!dispute) return { kind: "done", result: "the dispute no longer exists" };
  const expand = ["balance_transactions"];
  let atStripe = await context.stripe.disputes.retrieve(dispute.stripeDisputeId, { expand });
  let note = `already ${atStripe.status} at Stripe`;
  if (!isClosedDisputeStatus(atStripe.status as DisputeStatus)) {
    try {
      atStripe = await context.stripe.disputes.close(
        dispute.stripeDisputeId,
        { expand },
        { idempotencyKey: effect.idempotencyKey },
      );
      note = `closed: ${atStripe.status}`;
    } catch (error) {
      if (!isStripeRefusal(error)) throw error;
      return { kind: "done", result: `refused by Stripe: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  await runTransaction(context.prisma, async (tx) => {
    await tx.$queryRaw`SELECT id FROM disputes WHERE id = ${dispute.id}::uuid FOR UPDATE`;
    await syncDisputeFromStripe(tx, atStripe);
    // The order follows as it would from the charge.dispute.closed webhook.
    await applyDispute(tx, dispute.orderId, atStripe, Date.now(), { kind: "outbox", effectId: effect.id });
  });
  return { kind: "done", result: note };
}

/** The disputes room's outside effects, performed from the outbox. */
export const DISPUTE_EFFECTS: EffectPerformers = {
  "stripe.dispute.submit_evidence": submitEvidenceToStripe,
  "stripe.dispute.close": closeDisputeAtStripe,
};
