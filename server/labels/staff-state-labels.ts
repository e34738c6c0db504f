import type { DisputeStatus } from "../disputes/dispute-status";
import { FRAUD_ATTRIBUTES } from "../fraud/attributes/fraud-attributes";
import type { OrderState } from "../orders/order-states";
import type { RefundReasonCode, RefundStatus } from "../refunds/refund-status";
import { labelFrom } from "./in-words";

/** Order states as staff read them, where the dispute's outcome matters. */
export const STAFF_ORDER_STATUS_LABELS: Record<OrderState, string> = {
  pending_payment: "Pending payment",
  requires_action: "Awaiting authentication",
  processing: "Processing",
  in_review: "In review",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  disputed: "Disputed",
  payment_failed: "Payment failed",
  canceled: "Canceled",
  dispute_won: "Dispute won",
  dispute_lost: "Dispute lost",
};

/**
 * Stripe's PaymentIntent statuses. They describe the payment, not the order, so they use other
 * words than the order's states ("Card declined, waiting for another card", not "Pending payment").
 */
export const PAYMENT_STATUS_LABELS: Record<string, string> = {
  requires_payment_method: "Waiting for a card",
  requires_confirmation: "Waiting for confirmation",
  requires_action: "Waiting for 3-D Secure",
  processing: "Bank processing",
  requires_capture: "Authorised, not captured",
  canceled: "Canceled",
  succeeded: "Captured",
};

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  awaiting_approval: "Awaiting approval",
  rejected: "Rejected",
  issuing: "Sending to Stripe",
  pending: "Pending",
  requires_action: "Needs customer action",
  succeeded: "Refunded",
  failed: "Failed",
  canceled: "Canceled",
};

/** The reason codes as support staff read them, in the order the refund form offers them. */
export const REFUND_REASON_LABELS: Record<RefundReasonCode, string> = {
  requested_by_customer: "Customer asked",
  damaged: "Arrived damaged",
  not_received: "Not received",
  duplicate: "Duplicate payment",
  fraudulent: "Fraudulent payment",
  goodwill: "Goodwill gesture",
  other: "Other",
};

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  warning_needs_response: "Inquiry: needs a response",
  warning_under_review: "Inquiry: under review",
  warning_closed: "Inquiry closed",
  needs_response: "Needs a response",
  under_review: "Under review by the bank",
  won: "Won",
  lost: "Lost",
  prevented: "Prevented",
};

/** Stripe's dispute reasons (what the cardholder told their bank). */
export const DISPUTE_REASON_LABELS: Record<string, string> = {
  bank_cannot_process: "Bank cannot process",
  check_returned: "Cheque returned",
  credit_not_processed: "Refund not received",
  customer_initiated: "Customer initiated",
  debit_not_authorized: "Debit not authorised",
  duplicate: "Charged twice",
  fraudulent: "Fraudulent (card not authorised)",
  general: "General",
  incorrect_account_details: "Incorrect account details",
  insufficient_funds: "Insufficient funds",
  noncompliant: "Not compliant with network rules",
  product_not_received: "Product not received",
  product_unacceptable: "Product unacceptable",
  subscription_canceled: "Subscription canceled",
  unrecognized: "Charge not recognised",
};

export const staffOrderStatusLabel = (status: string) => labelFrom(STAFF_ORDER_STATUS_LABELS, status);
export const paymentStatusLabel = (status: string) => labelFrom(PAYMENT_STATUS_LABELS, status);
export const refundStatusLabel = (status: string) => labelFrom(REFUND_STATUS_LABELS, status);
export const refundReasonLabel = (code: string) => labelFrom(REFUND_REASON_LABELS, code);
export const disputeStatusLabel = (status: string) => labelFrom(DISPUTE_STATUS_LABELS, status);
export const disputeReasonLabel = (reason: string) => labelFrom(DISPUTE_REASON_LABELS, reason);

/** Why a payment is held for review, as the queue shows it. */
export const FRAUD_REVIEW_SOURCE_LABELS: Record<string, string> = {
  rules: "Your fraud rules",
  stripe_radar: "Stripe Radar review",
  early_fraud_warning: "Early fraud warning",
};

export const fraudReviewSourceLabel = (source: string) => labelFrom(FRAUD_REVIEW_SOURCE_LABELS, source);

/** A rule attribute in the merchant's words (the catalogue's label), e.g. "Stripe's risk level". */
export const fraudSignalLabel = (name: string) =>
  labelFrom(
    Object.fromEntries(Object.entries(FRAUD_ATTRIBUTES).map(([key, attribute]) => [key, attribute.label])),
    name,
  );
