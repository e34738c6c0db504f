import { recordAudit } from "../audit/record-audit";
import type { Refund } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import { lockRefundForDecision } from "./decide-refund";
import { enqueueRefundIssue, performRefundIssue } from "./issue-refund";
import { refuseWhileDisputed } from "./open-dispute";
import { REFUND_TX_OPTIONS, type RefundDeps, type StaffActor } from "./refund-deps";

/**
 * Approves a refund above the approval threshold and sends it to Stripe (through the outbox effect
 * written with the approval). Its amount was reserved
 * against the refundable amount when it was requested, so approval cannot over-refund; a dispute
 * opened since then still blocks it.
 */
export async function approveRefund(
  input: { refundId: string; approvedBy: StaffActor; note?: string },
  deps: RefundDeps,
): Promise<Refund> {
  const effectId = await runTransaction(
    deps.prisma,
    async (tx) => {
      const refund = await lockRefundForDecision(tx, input.refundId, input.approvedBy);
      await refuseWhileDisputed(tx, refund.paymentId);
      const approved = await tx.refund.update({
        where: { id: refund.id },
        data: {
          status: "issuing",
          approvedById: input.approvedBy.id,
          decidedAt: new Date(),
          decisionNote: input.note?.trim() || null,
        },
      });
      await recordAudit(tx, {
        actor: { kind: "staff", staffUserId: input.approvedBy.id },
        action: "refund.approved",
        subject: { type: "refund", id: refund.id },
        amount: { minor: refund.amountMinor, currency: refund.currency },
        reason: input.note?.trim() || `Approved: ${refund.reasonCode}`,
        before: { status: refund.status, requestedById: refund.requestedById },
        after: { status: approved.status, approvedById: input.approvedBy.id },
      });
      return enqueueRefundIssue(tx, refund.id);
    },
    REFUND_TX_OPTIONS,
  );
  return performRefundIssue(effectId, input.refundId, deps);
}
