import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { clone } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { previousAttributes } from "../events/previous-attributes";
import { invalidRequest, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalEnum, optionalInteger, optionalString } from "../http/params";
import { createBalanceTransaction } from "./balance-transactions";
import { retrieveCharge } from "./charges";
import { LATER_MS } from "./later";
import { retrievePaymentIntent } from "./payment-intents";
import { closeReviewOfCharge } from "./reviews";

const REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

function money(amount: number, currency: string): string {
  const symbol = currency === "usd" ? "$" : currency === "eur" ? "€" : currency === "gbp" ? "£" : "";
  const text = (amount / 100).toFixed(2);
  return symbol ? `${symbol}${text}` : `${text} ${currency.toUpperCase()}`;
}

/** Keeps the charge's embedded `refunds` list in step with its refunds, newest first. */
export function syncChargeRefunds(sb: Sandbox, charge: Stripe.Charge) {
  const refunds = Object.values(sb.state.refunds)
    .filter((refund) => refund.charge === charge.id)
    .reverse();
  charge.refunds = { object: "list", data: clone(refunds), has_more: false, url: `/v1/charges/${charge.id}/refunds` };
}

function refundableCharge(sb: Sandbox, params: Params): Stripe.Charge {
  const chargeId = optionalString(params, "charge");
  const intentId = optionalString(params, "payment_intent");
  if (!chargeId && !intentId) {
    throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.");
  }
  if (chargeId) return retrieveCharge(sb, chargeId, "charge");
  const intent = retrievePaymentIntent(sb, intentId!, "payment_intent");
  if (intent.status === "requires_capture") {
    throw invalidRequest(
      `This PaymentIntent (${intent.id}) has not been captured. You must cancel the PaymentIntent to reverse the authorization instead of refunding it.`,
      { param: "payment_intent" },
    );
  }
  if (!intent.latest_charge || intent.status !== "succeeded") {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: "payment_intent",
      code: "charge_not_refundable",
    });
  }
  return retrieveCharge(sb, intent.latest_charge as string, "payment_intent");
}

function assertRefundable(sb: Sandbox, charge: Stripe.Charge) {
  if (!charge.captured && charge.status === "succeeded") {
    throw invalidRequest(
      `This uncaptured Charge was created by a PaymentIntent (${charge.payment_intent}). You must cancel the PaymentIntent to reverse the authorization instead of refunding it.`,
      { param: "charge" },
    );
  }
  if (charge.status !== "succeeded") {
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
      code: "charge_not_refundable",
    });
  }
  const dispute = Object.values(sb.state.disputes).find((d) => d.charge === charge.id);
  if (dispute && !dispute.is_charge_refundable) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: "charge_disputed",
    });
  }
  if (charge.amount_refunded >= charge.amount) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
  }
}

export function createRefund(sb: Sandbox, params: Params): Stripe.Refund {
  const charge = refundableCharge(sb, params);
  assertRefundable(sb, charge);
  const remaining = charge.amount - charge.amount_refunded;
  const amount = optionalInteger(params, "amount", 1) ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(remaining, charge.currency)})`,
      { param: "amount", code: "amount_too_large" },
    );
  }
  const isCard = charge.payment_method_details?.type === "card";
  const refund: Stripe.Refund = {
    id: newId(isCard ? "re" : "pyr"),
    object: "refund",
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: sb.now(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    destination_details: isCard ? { type: "card", card: { type: "refund" } } : { type: "sepa_debit" },
    metadata: applyMetadata({}, params),
    payment_intent: charge.payment_intent as string | null,
    payment_method: charge.payment_method,
    pending_reason: "processing",
    reason: optionalEnum(params, "reason", REASONS) ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "pending",
    transfer_reversal: null,
  };
  // The refund's balance transaction is written at once, even while the refund is pending.
  const transaction = createBalanceTransaction(sb, {
    amount: -amount,
    currency: charge.currency,
    type: isCard ? "refund" : "payment_refund",
    reportingCategory: "refund",
    source: refund.id,
    description: "REFUND FOR CHARGE",
    availableNow: true,
  });
  refund.balance_transaction = transaction.id;
  sb.state.refunds[refund.id] = refund;
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  syncChargeRefunds(sb, charge);
  sb.touch();
  emitEvent(sb, "refund.created", refund);
  emitEvent(sb, "charge.refunded", charge);
  closeReviewOfCharge(sb, charge, refund.reason === "fraudulent" ? "refunded_as_fraud" : "refunded");
  // 4000000000007726: the refund stays pending for a while before it succeeds.
  const stays = sb.state.paymentMethodBehaviour[charge.payment_method ?? ""] === "pm_card_pendingRefund";
  sb.schedule("refund.settle", refund.id, stays ? LATER_MS : sb.config.timing.refundSettleDelayMs);
  return refund;
}

export function retrieveRefund(sb: Sandbox, id: string): Stripe.Refund {
  const refund = sb.state.refunds[id];
  if (!refund) throw resourceMissing("refund", id);
  return refund;
}

export function updateRefund(sb: Sandbox, refund: Stripe.Refund, params: Params): Stripe.Refund {
  const before = clone(refund);
  refund.metadata = applyMetadata(refund.metadata ?? {}, params);
  const charge = retrieveCharge(sb, refund.charge as string);
  syncChargeRefunds(sb, charge);
  sb.touch();
  const previous = previousAttributes(before as never, refund as never);
  emitEvent(sb, "refund.updated", refund, previous);
  emitEvent(sb, "charge.refund.updated", refund, previous);
  return refund;
}
