import type Stripe from "stripe";
import { preparePaymentIntentChange } from "../apply-payment-intent-change";
import { idOf } from "../retrieve-payment-intent";
import type { StripeEventHandler } from "../stripe-event-handler";

/** charge.updated: the charge's PaymentIntent decides the order; its balance transaction feeds the ledger. */
export const handleChargeUpdated: StripeEventHandler = async (event, { prisma, stripe }) => {
  const paymentIntentId = idOf((event.data.object as Stripe.Charge).payment_intent);
  if (!paymentIntentId) return async () => "ignored";
  return preparePaymentIntentChange(prisma, stripe, paymentIntentId);
};
