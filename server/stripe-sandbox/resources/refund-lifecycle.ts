import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { clone } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { previousAttributes } from "../events/previous-attributes";
import { invalidRequest } from "../http/errors";
import { createBalanceTransaction } from "./balance-transactions";
import { retrieveCharge } from "./charges";
import { retrieveRefund, syncChargeRefunds } from "./refunds";

const FAILURE_REASONS = [
  "lost_or_stolen_card",
  "expired_or_canceled_card",
  "declined",
  "insufficient_funds",
  "unknown",
];

function announce(sb: Sandbox, refund: Stripe.Refund, before: Stripe.Refund, failed: boolean) {
  const charge = retrieveCharge(sb, refund.charge as string);
  syncChargeRefunds(sb, charge);
  sb.touch();
  const previous = previousAttributes(before as never, refund as never);
  if (failed) emitEvent(sb, "refund.failed", refund);
  emitEvent(sb, "refund.updated", refund, previous);
  emitEvent(sb, "charge.refund.updated", refund, previous);
}

/** A pending refund goes through on its own (task) or on demand (control API). */
export function settleRefund(sb: Sandbox, refundId: string): Stripe.Refund | undefined {
  const refund = sb.state.refunds[refundId];
  if (refund?.status !== "pending") return refund;
  const before = clone(refund);
  refund.status = "succeeded";
  delete refund.pending_reason;
  announce(sb, refund, before, false);
  const card = sb.state.paymentMethodBehaviour[refund.payment_method as string];
  // 4000000000005126: the refund succeeds, then fails a moment later.
  if (card === "pm_card_refundFail") sb.schedule("refund.fail", refund.id, sb.config.timing.refundSettleDelayMs);
  return refund;
}

export function failRefund(sb: Sandbox, refundId: string, reason = "declined"): Stripe.Refund {
  const refund = retrieveRefund(sb, refundId);
  if (refund.status !== "pending" && refund.status !== "succeeded") {
    throw invalidRequest(`Refund ${refund.id} has a status of ${refund.status} and cannot fail.`);
  }
  if (!FAILURE_REASONS.includes(reason)) {
    throw invalidRequest(`Unknown failure reason ${reason}; use one of ${FAILURE_REASONS.join(", ")}.`);
  }
  const before = clone(refund);
  const charge = retrieveCharge(sb, refund.charge as string);
  // The refunded money comes back to the merchant's balance.
  const transaction = createBalanceTransaction(sb, {
    amount: refund.amount,
    currency: refund.currency,
    type: "refund_failure",
    reportingCategory: "refund_failure",
    source: refund.id,
    description: "REFUND FAILURE",
    availableNow: true,
  });
  refund.status = "failed";
  delete refund.pending_reason;
  refund.failure_reason = reason;
  refund.failure_balance_transaction = transaction.id;
  charge.amount_refunded = Math.max(0, charge.amount_refunded - refund.amount);
  charge.refunded = charge.amount_refunded >= charge.amount;
  announce(sb, refund, before, true);
  return refund;
}
