import type Stripe from "stripe";
import { preparePaymentIntentChange } from "../apply-payment-intent-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** payment_intent.processing: apply the PaymentIntent as Stripe reports it now. */
export const handlePaymentIntentProcessing: StripeEventHandler = (event, { prisma, stripe }) =>
  preparePaymentIntentChange(prisma, stripe, (event.data.object as Stripe.PaymentIntent).id);
