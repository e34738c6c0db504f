import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { lockOrderForRefunds } from "./lock-refund";
import { COMMITTED_REFUND_STATUSES } from "./refund-status";

export type RefundablePayment = {
  id: string;
  orderId: string;
  stripePaymentIntentId: string;
  currency: string;
  amountCapturedMinor: number;
};

export type RefundableAmount = {
  capturedMinor: number;
  /** Succeeded, pending and not-yet-issued refunds (including those awaiting approval). */
  committedMinor: number;
  refundableMinor: number;
  currency: string;
};

/** captured − committed, never below zero (a Dashboard refund can overtake one of ours). */
export function refundableFrom(capturedMinor: number, committedMinor: number): number {
  return Math.max(0, capturedMinor - committedMinor);
}

/**
 * Locks the order, then its captured payment row, until the caller commits (the lock order of
 * `lock-refund.ts`). Every refund request on the payment takes these locks first, so the
 * refundable amount read next cannot change underneath it.
 */
export async function lockCapturedPayment(tx: Tx, orderId: string): Promise<RefundablePayment> {
  if (!(await lockOrderForRefunds(tx, orderId))) throw new AppError("NOT_FOUND", "No such order");
  const rows = await tx.$queryRaw<RefundablePayment[]>`
    SELECT "id"::text AS "id", "order_id"::text AS "orderId", "stripe_payment_intent_id" AS "stripePaymentIntentId",
           "currency", "amount_captured_minor" AS "amountCapturedMinor"
      FROM "payments"
     WHERE "order_id" = ${orderId}::uuid AND "amount_captured_minor" > 0
     ORDER BY "created_at" DESC
     LIMIT 1
       FOR UPDATE`;
  const payment = rows[0];
  if (!payment) throw new AppError("UNPROCESSABLE", "This order has no captured payment to refund");
  return { ...payment, currency: payment.currency.trim() };
}

export async function refundableAmount(tx: Tx, payment: RefundablePayment): Promise<RefundableAmount> {
  const committed = await tx.refund.aggregate({
    where: { paymentId: payment.id, status: { in: [...COMMITTED_REFUND_STATUSES] } },
    _sum: { amountMinor: true },
  });
  const committedMinor = committed._sum.amountMinor ?? 0;
  return {
    capturedMinor: payment.amountCapturedMinor,
    committedMinor,
    refundableMinor: refundableFrom(payment.amountCapturedMinor, committedMinor),
    currency: payment.currency,
  };
}
