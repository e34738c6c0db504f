import type Stripe from "stripe";
import type { Tx } from "../db/client";
import type { Dispute } from "../db/generated/client";
import { postDisputeFundsReinstated } from "../ledger/post-dispute-funds-reinstated";
import { postDisputeFundsWithdrawn } from "../ledger/post-dispute-funds-withdrawn";
import { idOf } from "../stripe/expandable";
import { isClosedDisputeStatus, isDisputeStatus, mayMoveDisputeStatus } from "./dispute-status";

export type DisputeSyncResult =
  | { kind: "synced"; dispute: Dispute; previousStatus: string | null; changed: boolean }
  | { kind: "unknown_payment"; stripeDisputeId: string };

/**
 * Brings our dispute row in line with Stripe's dispute inside the caller's transaction: creates it on
 * first sight, moves the status only forwards, and posts the withdrawal and reinstatement its
 * balance transactions describe (each once, by the ledger's idempotency key).
 */
export async function syncDisputeFromStripe(
  tx: Tx,
  stripeDispute: Stripe.Dispute,
  source: { stripeEventId?: string | null } = {},
): Promise<DisputeSyncResult> {
  const payment = await findPayment(tx, stripeDispute);
  if (!payment) return { kind: "unknown_payment", stripeDisputeId: stripeDispute.id };
  const chargeId = idOf(stripeDispute.charge);
  const dueBy = stripeDispute.evidence_details?.due_by;
  const facts = {
    reason: stripeDispute.reason,
    amountMinor: stripeDispute.amount,
    currency: stripeDispute.currency.toUpperCase(),
    evidenceDueBy: dueBy ? new Date(dueBy * 1000) : null,
    isChargeRefundable: stripeDispute.is_charge_refundable,
  };
  // Two events about a new dispute may race; the unique Stripe id lets one insert win.
  const { count: createdNow } = await tx.dispute.createMany({
    data: {
      ...facts,
      stripeDisputeId: stripeDispute.id,
      stripeChargeId: chargeId,
      orderId: payment.orderId,
      paymentId: payment.id,
      status: stripeDispute.status,
      closedAt:
        isDisputeStatus(stripeDispute.status) && isClosedDisputeStatus(stripeDispute.status) ? new Date() : null,
    },
    skipDuplicates: true,
  });
  const [locked] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT "id"::text AS "id", "status"
      FROM "disputes" WHERE "stripe_dispute_id" = ${stripeDispute.id} FOR UPDATE`;
  const current = locked!.status;
  const next = stripeDispute.status;
  const moves = isDisputeStatus(current) && isDisputeStatus(next) && mayMoveDisputeStatus(current, next);
  const dispute = await tx.dispute.update({
    where: { id: locked!.id },
    data: {
      ...facts,
      ...(moves ? { status: next, closedAt: isClosedDisputeStatus(next) ? new Date() : null } : {}),
    },
  });
  await postLedger(
    tx,
    stripeDispute,
    { orderId: payment.orderId, paymentIntentId: payment.stripePaymentIntentId },
    source,
  );
  return { kind: "synced", dispute, previousStatus: createdNow ? null : current, changed: moves || createdNow > 0 };
}

async function findPayment(tx: Tx, stripeDispute: Stripe.Dispute) {
  const select = { id: true, orderId: true, stripePaymentIntentId: true } as const;
  const intentId = idOf(stripeDispute.payment_intent);
  if (intentId) {
    const byIntent = await tx.payment.findUnique({ where: { stripePaymentIntentId: intentId }, select });
    if (byIntent) return byIntent;
  }
  const chargeId = idOf(stripeDispute.charge);
  return tx.payment.findFirst({ where: { latestChargeId: chargeId }, select });
}

async function postLedger(
  tx: Tx,
  stripeDispute: Stripe.Dispute,
  ids: { orderId: string; paymentIntentId: string },
  source: { stripeEventId?: string | null },
) {
  for (const balanceTransaction of stripeDispute.balance_transactions ?? []) {
    const input = { ...ids, stripeEventId: source.stripeEventId ?? null, balanceTransaction };
    if (balanceTransaction.reporting_category === "dispute") await postDisputeFundsWithdrawn(tx, input);
    else if (balanceTransaction.reporting_category === "dispute_reversal") await postDisputeFundsReinstated(tx, input);
  }
}
