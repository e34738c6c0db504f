import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { postPaymentCaptured } from "../ledger";

/**
 * Posts a captured charge to the ledger once its balance transaction exists. With
 * capture_method=automatic_async Stripe fills the balance transaction in later (charge.updated),
 * so this runs for both events; the ledger's idempotency key makes the second call a no-op.
 */
export async function postCapturedCharge(
  tx: Tx,
  charge: Stripe.Charge | string | null,
  context: { orderId: string; paymentIntentId: string; stripeEventId: string | null },
): Promise<boolean> {
  if (!charge || typeof charge === "string" || !charge.captured) return false;
  const balanceTransaction = charge.balance_transaction;
  if (!balanceTransaction || typeof balanceTransaction === "string") return false;
  await postPaymentCaptured(tx, {
    balanceTransaction,
    orderId: context.orderId,
    paymentIntentId: context.paymentIntentId,
    stripeEventId: context.stripeEventId,
  });
  return true;
}
