import type { HandledEventType } from "../handled-event-types";
import type { StripeEventHandler } from "../stripe-event-handler";
import { handleChargeCaptured } from "./charge-captured";
import { handleChargeDisputeClosed } from "./charge-dispute-closed";
import { handleChargeDisputeCreated } from "./charge-dispute-created";
import { handleChargeDisputeFundsReinstated } from "./charge-dispute-funds-reinstated";
import { handleChargeDisputeFundsWithdrawn } from "./charge-dispute-funds-withdrawn";
import { handleChargeDisputeUpdated } from "./charge-dispute-updated";
import { handleChargeFailed } from "./charge-failed";
import { handleChargeRefundUpdated } from "./charge-refund-updated";
import { handleChargeRefunded } from "./charge-refunded";
import { handleChargeSucceeded } from "./charge-succeeded";
import { handleChargeUpdated } from "./charge-updated";
import { handlePaymentIntentAmountCapturableUpdated } from "./payment-intent-amount-capturable-updated";
import { handlePaymentIntentCanceled } from "./payment-intent-canceled";
import { handlePaymentIntentCreated } from "./payment-intent-created";
import { handlePaymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { handlePaymentIntentProcessing } from "./payment-intent-processing";
import { handlePaymentIntentRequiresAction } from "./payment-intent-requires-action";
import { handlePaymentIntentSucceeded } from "./payment-intent-succeeded";
import { handlePayoutCanceled } from "./payout-canceled";
import { handlePayoutCreated } from "./payout-created";
import { handlePayoutFailed } from "./payout-failed";
import { handlePayoutPaid } from "./payout-paid";
import { handleRefundCreated } from "./refund-created";
import { handleRefundFailed } from "./refund-failed";
import { handleRefundUpdated } from "./refund-updated";

/** One handler per event type PayOps acts on; the type system keeps this in step with the allow-list. */
export const STRIPE_EVENT_HANDLERS: Record<HandledEventType, StripeEventHandler> = {
  "payment_intent.created": handlePaymentIntentCreated,
  "payment_intent.requires_action": handlePaymentIntentRequiresAction,
  "payment_intent.processing": handlePaymentIntentProcessing,
  "payment_intent.amount_capturable_updated": handlePaymentIntentAmountCapturableUpdated,
  "payment_intent.payment_failed": handlePaymentIntentPaymentFailed,
  "payment_intent.succeeded": handlePaymentIntentSucceeded,
  "payment_intent.canceled": handlePaymentIntentCanceled,
  "charge.succeeded": handleChargeSucceeded,
  "charge.failed": handleChargeFailed,
  "charge.captured": handleChargeCaptured,
  "charge.updated": handleChargeUpdated,
  "charge.refunded": handleChargeRefunded,
  "charge.refund.updated": handleChargeRefundUpdated,
  "refund.created": handleRefundCreated,
  "refund.updated": handleRefundUpdated,
  "refund.failed": handleRefundFailed,
  "charge.dispute.created": handleChargeDisputeCreated,
  "charge.dispute.updated": handleChargeDisputeUpdated,
  "charge.dispute.closed": handleChargeDisputeClosed,
  "charge.dispute.funds_withdrawn": handleChargeDisputeFundsWithdrawn,
  "charge.dispute.funds_reinstated": handleChargeDisputeFundsReinstated,
  "payout.created": handlePayoutCreated,
  "payout.paid": handlePayoutPaid,
  "payout.failed": handlePayoutFailed,
  "payout.canceled": handlePayoutCanceled,
};
