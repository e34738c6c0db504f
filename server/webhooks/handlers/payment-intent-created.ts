import type Stripe from "stripe";
import { preparePaymentIntentChange } from "../apply-payment-intent-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** payment_intent.created: apply the PaymentIntent as Stripe reports it now. */
export const handlePaymentIntentCreated: StripeEventHandler = (event, { prisma, stripe }) =>
  preparePaymentIntentChange(prisma, stripe, (event.data.object as Stripe.PaymentIntent).id);
