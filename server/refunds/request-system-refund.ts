import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/client";
import { OPEN_DISPUTE_STATUSES } from "../disputes/dispute-status";
import { enqueueRefundIssue } from "./issue-refund";
import type { RefundReasonCode } from "./refund-status";
import { lockCapturedPayment, refundableAmount } from "./refundable-amount";

export type SystemRefundRequest = {
  orderId: string;
  reasonCode: RefundReasonCode;
  /** Why PayOps refunds on its own, for the refund's note and the audit log. */
  reason: string;
  /** One refund per key, ever: the same key again returns the first refund and sends nothing. */
  idempotencyKey: string;
  /** An analyst whose review verdict this refund carries out; absent, the policy acted alone. */
  staffUserId?: string;
};

export type SystemRefund =
  | { kind: "requested"; refundId: string; amountMinor: number; currency: string; effectId: string }
  | { kind: "already_requested"; refundId: string }
  | { kind: "nothing_to_refund" }
  | { kind: "disputed" };

/**
 * A refund of everything still refundable that a fraud decision calls for (the early fraud warning
 * policy, or an analyst rejecting a warned payment), inside the caller's transaction: the order and payment locks, the refund row, the
 * audit row (a system actor) and the outbox effect that sends it to Stripe commit together; the
 * outbox sends it after commit. An open dispute or nothing left to refund makes no refund.
 */
export async function requestSystemRefund(tx: Tx, request: SystemRefundRequest): Promise<SystemRefund> {
  const payment = await lockCapturedPayment(tx, request.orderId);
  const existing = await tx.refund.findUnique({
    where: { idempotencyKey: request.idempotencyKey },
    select: { id: true },
  });
  if (existing) return { kind: "already_requested", refundId: existing.id };
  const disputed = await tx.dispute.count({
    where: { paymentId: payment.id, status: { in: [...OPEN_DISPUTE_STATUSES] } },
  });
  if (disputed > 0) return { kind: "disputed" };
  const before = await refundableAmount(tx, payment);
  if (before.refundableMinor <= 0) return { kind: "nothing_to_refund" };
  const refund = await tx.refund.create({
    data: {
      orderId: request.orderId,
      paymentId: payment.id,
      status: "issuing",
      currency: payment.currency,
      amountMinor: before.refundableMinor,
      reasonCode: request.reasonCode,
      note: request.reason,
      source: request.staffUserId ? "staff" : "system",
      idempotencyKey: request.idempotencyKey,
      requestedById: request.staffUserId ?? null,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor: request.staffUserId ? { kind: "staff", staffUserId: request.staffUserId } : { kind: "system" },
    action: "refund.requested",
    subject: { type: "refund", id: refund.id },
    amount: { minor: before.refundableMinor, currency: payment.currency },
    reason: `${request.reasonCode}: ${request.reason}`,
    before: { orderId: request.orderId, refundableMinor: before.refundableMinor },
    after: { status: "issuing", refundableMinor: 0 },
  });
  const effectId = await enqueueRefundIssue(tx, refund.id);
  return {
    kind: "requested",
    refundId: refund.id,
    amountMinor: before.refundableMinor,
    currency: payment.currency,
    effectId,
  };
}
