import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { idOf } from "../stripe/expandable";
import { applyOrderInput, lockOrder, type OrderInputResult } from "./apply-order-input";
import { customerRefundedAmount, inputFromChargeRefunds } from "./derive-order-input";
import type { OrderChangeCause } from "./order-cause";

/**
 * Applies a charge's refunded total (as Stripe reports it now) to its order and Payment row.
 * The refunded amount on the Payment only grows here; a failed refund is the refunds room's to reconcile.
 */
export async function applyChargeRefunds(
  tx: Tx,
  orderId: string,
  charge: Stripe.Charge,
  observedAt: number,
  cause: OrderChangeCause,
): Promise<OrderInputResult | null> {
  const order = await lockOrder(tx, orderId);
  const paymentIntentId = idOf(charge.payment_intent);
  const refunded = customerRefundedAmount(charge);
  if (paymentIntentId) {
    const payment = await tx.payment.findUnique({
      where: { stripePaymentIntentId: paymentIntentId },
      select: { id: true, amountRefundedMinor: true },
    });
    if (payment && refunded > payment.amountRefundedMinor) {
      await tx.payment.update({ where: { id: payment.id }, data: { amountRefundedMinor: refunded } });
    }
  }
  const input = inputFromChargeRefunds(charge);
  if (!input) return null;
  return applyOrderInput(tx, order, input, observedAt, cause);
}
