import type Stripe from "stripe";
import { preparePayoutChange, retrievePayout } from "../apply-payout-change";
import type { StripeEventHandler } from "../stripe-event-handler";

/** payout.paid: the payout as Stripe reports it now is posted to the ledger. */
export const handlePayoutPaid: StripeEventHandler = async (event, { stripe }) =>
  preparePayoutChange(await retrievePayout(stripe, (event.data.object as Stripe.Payout).id));
