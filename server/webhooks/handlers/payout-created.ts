import type Stripe from "stripe";
import { preparePayoutChange, retrievePayout } from "../apply-payout-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** payout.created: the payout as Stripe reports it now is posted to the ledger. */
export const handlePayoutCreated: StripeEventHandler = async (event, { stripe }) =>
  preparePayoutChange(await retrievePayout(stripe, (event.data.object as Stripe.Payout).id));
