import type { Tx } from "../db/client";
import { enqueueEffect } from "../jobs/outbox/enqueue-effect";
import { customerMailKeys } from "./customer-mail-keys";

/**
 * Customer mails are outbox effects written in the transaction that makes the fact true (an order
 * paid, a refund succeeded, a payment declined), so a mail goes only for a committed fact, once
 * per fact, and after a crash still goes. The dispatcher sends them.
 */
export function enqueueOrderConfirmationMail(tx: Tx, orderId: string): Promise<string> {
  return enqueueEffect(tx, {
    kind: "mail.order.confirmation",
    subjectId: orderId,
    idempotencyKey: customerMailKeys.orderConfirmation(orderId),
  });
}

export function enqueueRefundNoticeMail(tx: Tx, refundId: string): Promise<string> {
  return enqueueEffect(tx, {
    kind: "mail.refund.notice",
    subjectId: refundId,
    idempotencyKey: customerMailKeys.refundNotice(refundId),
  });
}

export function enqueuePaymentFailedMail(
  tx: Tx,
  input: { orderId: string; paymentIntentId: string; attempt: string; reason: string | null },
): Promise<string> {
  return enqueueEffect(tx, {
    kind: "mail.payment.failed",
    subjectId: input.orderId,
    idempotencyKey: customerMailKeys.paymentFailed(input.paymentIntentId, input.attempt),
    payload: { reason: input.reason },
  });
}
