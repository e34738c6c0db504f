import type Stripe from "stripe";

/**
 * The PaymentIntent as Stripe sees it now, with its latest charge and that charge's balance
 * transaction, which the ledger's capture posting needs.
 */
export function retrievePaymentIntent(stripe: Stripe, paymentIntentId: string): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge.balance_transaction"] });
}
