import { recordAudit } from "../audit/record-audit";
import type { Refund } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { lockRefundForDecision } from "./decide-refund";
import { REFUND_TX_OPTIONS, type RefundDeps, type StaffActor } from "./refund-deps";

/** Rejects a refund awaiting approval, which frees its amount; the reason is required and audited. */
export async function rejectRefund(
  input: { refundId: string; rejectedBy: StaffActor; reason: string },
  deps: Pick<RefundDeps, "prisma">,
): Promise<Refund> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "Say why the refund is rejected");
  return runTransaction(
    deps.prisma,
    async (tx) => {
      const refund = await lockRefundForDecision(tx, input.refundId, input.rejectedBy);
      const rejected = await tx.refund.update({
        where: { id: refund.id },
        data: { status: "rejected", rejectedById: input.rejectedBy.id, decidedAt: new Date(), decisionNote: reason },
      });
      await recordAudit(tx, {
        actor: { kind: "staff", staffUserId: input.rejectedBy.id },
        action: "refund.rejected",
        subject: { type: "refund", id: refund.id },
        amount: { minor: refund.amountMinor, currency: refund.currency },
        reason,
        before: { status: refund.status, requestedById: refund.requestedById },
        after: { status: rejected.status, rejectedById: input.rejectedBy.id },
      });
      return rejected;
    },
    REFUND_TX_OPTIONS,
  );
}
