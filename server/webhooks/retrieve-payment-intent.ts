import type Stripe from "stripe";

/**
 * The PaymentIntent as Stripe sees it now, with its latest charge and that charge's balance
 * transaction, which the ledger's capture posting needs.
 */
export function retrievePaymentIntent(stripe: Stripe, paymentIntentId: string): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge.balance_transaction"] });
}

/** The id of a Stripe reference that may or may not be expanded. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
