import type { Tx } from "../db/client";
import { COMMITTED_REFUND_STATUSES } from "./refund-status";

const MOVED_WITHOUT_DECISION = COMMITTED_REFUND_STATUSES.filter((status) => status !== "awaiting_approval");

/**
 * Whether a staff refund must wait for someone with refunds.approve. The threshold caps the running
 * total refunded on a payment without anyone's approval (staff refunds that went straight to Stripe
 * and did not fail), this request included, so 10000 + 10000 + 5600 against a 10000 threshold sends
 * the second and third for approval instead of refunding the whole order unchecked. Approved refunds
 * do not count: someone already looked. The caller holds the payment's row lock, so two requests
 * cannot both see room under the threshold.
 */
export async function refundNeedsApproval(
  tx: Tx,
  options: { paymentId: string; amountMinor: number; thresholdMinor: number },
): Promise<boolean> {
  if (options.amountMinor > options.thresholdMinor) return true;
  const unapproved = await tx.refund.aggregate({
    where: {
      paymentId: options.paymentId,
      source: "staff",
      approvedById: null,
      status: { in: [...MOVED_WITHOUT_DECISION] },
    },
    _sum: { amountMinor: true },
  });
  return (unapproved._sum.amountMinor ?? 0) + options.amountMinor > options.thresholdMinor;
}
