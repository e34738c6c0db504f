import type Stripe from "stripe";
import { prepareEarlyFraudWarning } from "../fraud/early-warnings/apply-early-fraud-warning";
import { earlyWarningPolicy } from "../fraud/fraud-configuration";
import { recordPaymentDecline } from "../fraud/record-payment-decline";
import { prepareStripeReviewChange } from "../fraud/review/apply-stripe-review";
import { idOf } from "../stripe/expandable";
import { prepareDisputeChange } from "./apply-dispute-change";
import { preparePaymentIntentChange } from "./apply-payment-intent-change";
import { preparePayoutChange, retrievePayout } from "./apply-payout-change";
import { prepareRefundChange, refundTargetOf } from "./apply-refund-change";
import type { HandledEventType } from "./handled-event-types";
import { nothingToChange, type StripeEventHandler } from "./stripe-event-handler";

/** The PaymentIntent as Stripe reports it now decides the order. */
const paymentIntentChanged: StripeEventHandler = (event, { prisma, stripe, unsettled }) => {
  const id = (event.data.object as Stripe.PaymentIntent).id;
  return preparePaymentIntentChange(prisma, stripe, id, { knownUnsettled: unsettled?.has(id) });
};

/** A failed attempt also counts as a decline for the fraud rules' velocity attributes. */
const paymentIntentFailed: StripeEventHandler = async (event, deps) => {
  const change = await paymentIntentChanged(event, deps);
  return async (tx, cause) => {
    const outcome = await change(tx, cause);
    await recordPaymentDecline(tx, event.data.object as Stripe.PaymentIntent, new Date(event.created * 1000));
    return outcome;
  };
};

/** A charge's PaymentIntent decides the order; its balance transaction feeds the ledger. */
const chargeChanged: StripeEventHandler = async (event, { prisma, stripe, unsettled }) => {
  const paymentIntentId = idOf((event.data.object as Stripe.Charge).payment_intent);
  if (!paymentIntentId) return nothingToChange("ignored");
  return preparePaymentIntentChange(prisma, stripe, paymentIntentId, {
    knownUnsettled: unsettled?.has(paymentIntentId),
  });
};

/** The refund and its charge, as Stripe reports them now, update the refund and the order. */
const refundChanged: StripeEventHandler = (event, { prisma, stripe }) =>
  prepareRefundChange(prisma, stripe, refundTargetOf(event));

/** The dispute's current status moves the order and the disputes work. */
const disputeChanged: StripeEventHandler = (event, { prisma, stripe }) =>
  prepareDisputeChange(prisma, stripe, (event.data.object as Stripe.Dispute).id);

/** The merchant's policy for a card network's fraud warning: refund a small payment, queue a large one. */
const earlyFraudWarningCreated: StripeEventHandler = async (event, { stripe }) => {
  const apply = await prepareEarlyFraudWarning(
    stripe,
    (event.data.object as Stripe.Radar.EarlyFraudWarning).id,
    earlyWarningPolicy(),
  );
  return async (tx) => {
    const outcome = await apply(tx);
    return outcome === "already_applied" ? "stale" : outcome === "not_ours" ? "ignored" : "applied";
  };
};

/** Stripe Radar's review as Stripe reports it now: the order joins the review queue, or its review closes. */
const stripeReviewChanged: StripeEventHandler = async (event, { stripe }) => {
  const apply = await prepareStripeReviewChange(stripe, (event.data.object as Stripe.Review).id);
  return async (tx) => {
    const outcome = await apply(tx);
    return outcome === "unchanged" ? "stale" : outcome === "not_ours" ? "ignored" : "applied";
  };
};

/** The payout as Stripe reports it now is posted to the ledger. */
const payoutChanged: StripeEventHandler = async (event, { stripe }) =>
  preparePayoutChange(await retrievePayout(stripe, (event.data.object as Stripe.Payout).id));

/**
 * Which change each event type PayOps acts on applies. Every handler trusts the event for ids
 * only and re-reads the object, so events of one object share a handler; the type system keeps
 * this table in step with the allow-list.
 */
export const STRIPE_EVENT_HANDLERS: Record<HandledEventType, StripeEventHandler> = {
  "payment_intent.created": paymentIntentChanged,
  "payment_intent.requires_action": paymentIntentChanged,
  "payment_intent.processing": paymentIntentChanged,
  "payment_intent.amount_capturable_updated": paymentIntentChanged,
  "payment_intent.payment_failed": paymentIntentFailed,
  "payment_intent.succeeded": paymentIntentChanged,
  "payment_intent.canceled": paymentIntentChanged,
  "charge.succeeded": chargeChanged,
  "charge.failed": chargeChanged,
  "charge.captured": chargeChanged,
  "charge.updated": chargeChanged,
  "charge.refunded": refundChanged,
  "charge.refund.updated": refundChanged,
  "refund.created": refundChanged,
  "refund.updated": refundChanged,
  "refund.failed": refundChanged,
  "charge.dispute.created": disputeChanged,
  "charge.dispute.updated": disputeChanged,
  "charge.dispute.closed": disputeChanged,
  "charge.dispute.funds_withdrawn": disputeChanged,
  "charge.dispute.funds_reinstated": disputeChanged,
  "radar.early_fraud_warning.created": earlyFraudWarningCreated,
  "review.opened": stripeReviewChanged,
  "review.closed": stripeReviewChanged,
  "payout.created": payoutChanged,
  "payout.paid": payoutChanged,
  "payout.failed": payoutChanged,
  "payout.canceled": payoutChanged,
};
