import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { syncDisputeFromStripe } from "../disputes/sync-dispute-from-stripe";
import { applyDispute } from "../orders/apply-dispute";
import { applyPaymentIntentInTransaction } from "../orders/apply-payment-intent";
import { findOrderIdForPaymentIntent } from "../orders/find-order-for-payment-intent";
import { idOf } from "../stripe/expandable";
import { retrievePaymentIntent } from "./retrieve-payment-intent";
import type { PreparedChange } from "./stripe-event-handler";

/**
 * Re-fetches the dispute, then in one transaction records it for the disputes work (status,
 * deadlines, ledger withdrawal and reinstatement) and moves the order to disputed or the outcome.
 * A dispute's events may be processed before its payment's own: the payment is then recorded from
 * the PaymentIntent first, in the same transaction, so the dispute is never left without its row.
 */
export async function prepareDisputeChange(
  prisma: PrismaClient,
  stripe: Stripe,
  disputeId: string,
): Promise<PreparedChange> {
  const dispute = await stripe.disputes.retrieve(disputeId);
  let paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId) {
    const chargeId = idOf(dispute.charge);
    const charge = chargeId ? await stripe.charges.retrieve(chargeId) : null;
    paymentIntentId = idOf(charge?.payment_intent);
  }
  if (!paymentIntentId) return async () => "ignored";
  const orderId = await findOrderIdForPaymentIntent(prisma, stripe, paymentIntentId);
  const recorded = await prisma.payment.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true },
  });
  const unrecordedPayment = recorded ? null : await retrievePaymentIntent(stripe, paymentIntentId);
  const observedAt = Date.now();
  return async (tx, cause) => {
    if (unrecordedPayment) await applyPaymentIntentInTransaction(tx, unrecordedPayment, cause, observedAt);
    const stripeEventId = cause.kind === "webhook" || cause.kind === "replay" ? cause.stripeEventId : null;
    await syncDisputeFromStripe(tx, dispute, { stripeEventId });
    const result = await applyDispute(tx, orderId, dispute, observedAt, cause);
    if (!result) return "recorded";
    return result.applied ? "applied" : "stale";
  };
}
