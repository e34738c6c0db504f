import type { AlertName } from "../observability/health/evaluate-alerts";
import { labelFrom } from "./in-words";

/** Each shipped alert in the merchant's words: what it means when it fires. */
export const ALERT_LABELS: Record<AlertName, string> = {
  PayopsInboxBacklogStale: "Stripe events waiting more than 5 minutes",
  PayopsProcessingLagHigh: "Stripe events processed more than 30 seconds late",
  PayopsDeadLetter: "Work set aside after too many failures",
  PayopsWebhookSignatureFailures: "Stripe notifications failing their signature check",
  PayopsRefundFailureRate: "More than 1 in 5 refunds failing",
  PayopsCheckoutDeclineRateJump: "Card declines doubled against the last day",
  PayopsDisputeDeadlineNear: "Dispute evidence due within 48 hours",
  PayopsStripeApiErrorRate: "More than 5% of calls to Stripe failing",
};

export function alertLabel(alert: AlertName): string {
  return ALERT_LABELS[alert];
}

/** Stripe's decline codes (and error codes standing in for them) as a merchant reads them. */
const DECLINE_CODE_LABELS: Readonly<Record<string, string>> = {
  generic_decline: "Declined by the bank, no reason given",
  insufficient_funds: "Insufficient funds",
  lost_card: "Card reported lost",
  stolen_card: "Card reported stolen",
  expired_card: "Card expired",
  incorrect_cvc: "Wrong security code",
  incorrect_number: "Wrong card number",
  processing_error: "Processing error at the bank",
  card_velocity_exceeded: "Card over its limit",
  do_not_honor: "Declined by the bank (do not honour)",
  fraudulent: "Declined as suspected fraud",
  card_declined: "Card declined",
  authentication_required: "Bank asked for authentication",
  payment_intent_authentication_failure: "3-D Secure authentication failed",
  unknown: "No reason given",
};

export function declineCodeLabel(code: string): string {
  return labelFrom(DECLINE_CODE_LABELS, code);
}
