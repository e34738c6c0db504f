import type Stripe from "stripe";
import { applyPaymentIntentInTransaction } from "../orders/apply-payment-intent";
import { retrievePaymentIntent } from "./retrieve-payment-intent";
import type { PreparedChange } from "./stripe-event-handler";

/**
 * Re-fetches the PaymentIntent and applies its current state: the event only says something
 * changed, and may be old, duplicated or out of order by the time it is processed.
 */
export async function preparePaymentIntentChange(stripe: Stripe, paymentIntentId: string): Promise<PreparedChange> {
  const paymentIntent = await retrievePaymentIntent(stripe, paymentIntentId);
  const observedAt = Date.now();
  return async (tx, cause) => {
    const result = await applyPaymentIntentInTransaction(tx, paymentIntent, cause, observedAt);
    return result.applied ? "applied" : "stale";
  };
}
