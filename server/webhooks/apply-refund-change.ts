import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { applyChargeRefunds } from "../orders/apply-charge-refunds";
import { applyPaymentIntentInTransaction } from "../orders/apply-payment-intent";
import { findOrderIdForPaymentIntent } from "../orders/find-order-for-payment-intent";
import { retrieveRefundForSync } from "../refunds/retrieve-refund-for-sync";
import { syncRefundFromStripe } from "../refunds/sync-refund-from-stripe";
import { idOf } from "../stripe/expandable";
import { retrievePaymentIntent } from "./retrieve-payment-intent";
import type { PreparedChange } from "./stripe-event-handler";

/**
 * Re-fetches the refund (when the event is about one) and its charge, then in one transaction:
 * syncs the refund row (and its ledger entries), applies the PaymentIntent first (so an order
 * whose payment events are late is marked paid before refunded) and then the charge's refunded total.
 */
export async function prepareRefundChange(
  prisma: PrismaClient,
  stripe: Stripe,
  target: { refundId: string | null; chargeId: string | null },
): Promise<PreparedChange> {
  const refund = target.refundId ? await retrieveRefundForSync(stripe, target.refundId) : null;
  const chargeId = target.chargeId ?? idOf(refund?.charge);
  if (!chargeId) return async () => "ignored";
  const charge = await stripe.charges.retrieve(chargeId);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return async () => "ignored";
  const paymentIntent = await retrievePaymentIntent(stripe, paymentIntentId);
  const orderId = await findOrderIdForPaymentIntent(prisma, stripe, paymentIntentId);
  const observedAt = Date.now();
  return async (tx, cause) => {
    const payment = await applyPaymentIntentInTransaction(tx, paymentIntent, cause, observedAt);
    if (refund && (cause.kind === "webhook" || cause.kind === "replay")) {
      await syncRefundFromStripe(tx, refund, { kind: "webhook", stripeEventId: cause.stripeEventId });
    }
    const refunded = await applyChargeRefunds(tx, orderId, charge, observedAt, cause);
    return payment.applied || refunded?.applied ? "applied" : "stale";
  };
}

/** The refund and charge a refund-related event names: its object is a charge or a refund. */
export function refundTargetOf(event: Stripe.Event): { refundId: string | null; chargeId: string | null } {
  const object = event.data.object as Stripe.Charge | Stripe.Refund;
  if (object.object === "charge") return { refundId: null, chargeId: object.id };
  return { refundId: object.id, chargeId: idOf((object as Stripe.Refund).charge) };
}
