import { recordAudit } from "../audit/record-audit";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { enqueueEffect } from "../jobs/outbox/enqueue-effect";
import { performEffect } from "../jobs/outbox/perform-effect";
import type { DisputeDeps } from "./dispute-deps";
import { DISPUTE_EFFECTS } from "./dispute-effects";
import { OPEN_DISPUTE_STATUSES } from "./dispute-status";

export const disputeCloseIdempotencyKey = (disputeId: string) => `dispute-close:${disputeId}`;

/**
 * Accepts a dispute (Stripe's close: the merchant concedes, the disputed amount stays with the
 * cardholder and the dispute ends lost). One transaction locks the dispute, writes the close to
 * the outbox and the audit row; a second accept adds neither. Then the close is sent at once.
 */
export async function acceptDispute(
  input: { disputeId: string; staffUserId: string; reason: string },
  deps: DisputeDeps,
): Promise<{ status: string }> {
  const effectId = await runTransaction(deps.prisma, async (tx) => {
    const [dispute] = await tx.$queryRaw<{ status: string; amount_minor: number; currency: string }[]>`
      SELECT status, amount_minor, currency FROM disputes WHERE id = ${input.disputeId}::uuid FOR UPDATE`;
    if (!dispute) throw new AppError("NOT_FOUND", "No such dispute");
    const key = disputeCloseIdempotencyKey(input.disputeId);
    const existing = await tx.outboxEffect.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
    if (existing) return existing.id;
    if (!(OPEN_DISPUTE_STATUSES as readonly string[]).includes(dispute.status)) {
      throw new AppError("CONFLICT", "This dispute is already closed");
    }
    const id = await enqueueEffect(tx, {
      kind: "stripe.dispute.close",
      subjectId: input.disputeId,
      idempotencyKey: key,
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.staffUserId },
      action: "dispute.accepted",
      subject: { type: "dispute", id: input.disputeId },
      amount: { minor: dispute.amount_minor, currency: dispute.currency.trim() },
      reason: input.reason,
      before: { status: dispute.status },
      after: { status: "lost" },
    });
    return id;
  });
  await performEffect(effectId, DISPUTE_EFFECTS, deps, { force: true });
  const after = await deps.prisma.dispute.findUniqueOrThrow({
    where: { id: input.disputeId },
    select: { status: true },
  });
  return { status: after.status };
}
