import type Stripe from "stripe";
import { prepareDisputeChange } from "../apply-dispute-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** charge.dispute.funds_withdrawn: recorded in the inbox; the dispute's current status moves the order. */
export const handleChargeDisputeFundsWithdrawn: StripeEventHandler = (event, { prisma, stripe }) =>
  prepareDisputeChange(prisma, stripe, (event.data.object as Stripe.Dispute).id);
