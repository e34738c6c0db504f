import type { Tx } from "../db/client";
import { OPEN_DISPUTE_STATUSES } from "../disputes/dispute-status";
import { AppError } from "../errors";

/**
 * Refuses a refund while the payment is disputed: the card network returns the money to the
 * customer when the dispute is lost, so a refund as well would pay them twice.
 */
export async function refuseWhileDisputed(tx: Tx, paymentId: string): Promise<void> {
  const open = await tx.dispute.findFirst({
    where: { paymentId, status: { in: [...OPEN_DISPUTE_STATUSES] } },
    select: { stripeDisputeId: true, status: true },
  });
  if (open) {
    throw new AppError(
      "UNPROCESSABLE",
      `This payment has an open dispute (${open.stripeDisputeId}, ${open.status}); answer the dispute instead of refunding`,
    );
  }
}
