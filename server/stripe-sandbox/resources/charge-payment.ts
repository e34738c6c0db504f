import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { StripeApiError } from "../http/errors";
import { computeBalance } from "./balance";
import { chargeBalanceTransaction } from "./balance-transactions";
import { createCharge } from "./charges";
import { openDisputeForCharge } from "./disputes";
import { LATER_MS } from "./later";
import { SEPA_FAILS, SEPA_SUCCEEDS_DELAYED } from "./payment-methods";
import { openReview } from "./reviews";
import type { CardBehaviour } from "./test-cards";

function declineError(charge: Stripe.Charge, card: CardBehaviour, method: Stripe.PaymentMethod) {
  const decline = card.decline!;
  return {
    type: "card_error" as const,
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    charge: charge.id,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}`,
    payment_method: method,
  };
}

/** Settles a captured charge's funds: a balance transaction now, or shortly after for automatic_async. */
export function settleCapturedCharge(sb: Sandbox, charge: Stripe.Charge, intent: Stripe.PaymentIntent) {
  const delay = sb.config.timing.chargeBalanceTransactionDelayMs;
  // bypassPending funds are usable at once (the documented way to fund a test payout), so no delay.
  const bypassPending = sb.state.paymentMethodBehaviour[charge.payment_method ?? ""] === "pm_card_bypassPending";
  if (intent.capture_method === "automatic_async" && delay > 0 && !bypassPending) {
    sb.schedule("charge.balance_transaction", charge.id, delay);
    return;
  }
  attachBalanceTransaction(sb, charge);
}

/** `balance.available` follows funds that land straight in the available balance (bypassPending). */
export function announceAvailableFunds(sb: Sandbox, charge: Stripe.Charge) {
  const transaction = sb.state.balanceTransactions[charge.balance_transaction as string];
  if (transaction?.status === "available") emitEvent(sb, "balance.available", computeBalance(sb));
}

export function attachBalanceTransaction(sb: Sandbox, charge: Stripe.Charge, announce = true): Stripe.Charge {
  if (charge.balance_transaction) return charge;
  const bypassPending = sb.state.paymentMethodBehaviour[charge.payment_method ?? ""] === "pm_card_bypassPending";
  const transaction = chargeBalanceTransaction(sb, charge, bypassPending);
  charge.balance_transaction = transaction.id;
  sb.touch();
  if (announce) announceAvailableFunds(sb, charge);
  return charge;
}

/**
 * Charges a card for a PaymentIntent. A decline leaves the intent in requires_payment_method with
 * `last_payment_error` and throws Stripe's 402 card error, which idempotency keys replay.
 */
export function chargeCard(
  sb: Sandbox,
  intent: Stripe.PaymentIntent,
  method: Stripe.PaymentMethod,
  card: CardBehaviour,
  threeDSecure: boolean,
): Stripe.PaymentIntent {
  intent.next_action = null;
  if (card.decline) {
    const charge = createCharge(sb, {
      paymentIntent: intent,
      method,
      card,
      status: "failed",
      captured: false,
      threeDSecure,
    });
    const error = declineError(charge, card, method);
    intent.status = "requires_payment_method";
    intent.latest_charge = charge.id;
    intent.last_payment_error = error as unknown as Stripe.PaymentIntent.LastPaymentError;
    sb.touch();
    emitEvent(sb, "charge.failed", charge);
    emitEvent(sb, "payment_intent.payment_failed", intent);
    throw new StripeApiError(
      402,
      {
        ...error,
        payment_method: method as unknown as Record<string, unknown>,
        payment_intent: JSON.parse(JSON.stringify(intent)),
      },
      true,
    );
  }
  const manual = intent.capture_method === "manual";
  const charge = createCharge(sb, {
    paymentIntent: intent,
    method,
    card,
    status: "succeeded",
    captured: !manual,
    threeDSecure,
  });
  intent.latest_charge = charge.id;
  if (manual) {
    intent.status = "requires_capture";
    intent.amount_capturable = intent.amount;
    sb.schedule("authorization.expire", intent.id, sb.config.timing.authorizationExpiryDays * 86_400_000);
    sb.touch();
    emitEvent(sb, "charge.succeeded", charge);
    emitEvent(sb, "payment_intent.amount_capturable_updated", intent);
  } else {
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    if (intent.capture_method === "automatic") attachBalanceTransaction(sb, charge, false);
    sb.touch();
    emitEvent(sb, "charge.succeeded", charge);
    emitEvent(sb, "payment_intent.succeeded", intent);
    if (charge.balance_transaction) announceAvailableFunds(sb, charge);
    else settleCapturedCharge(sb, charge, intent);
  }
  if (charge.outcome?.type === "manual_review") openReview(sb, charge, intent);
  if (card.dispute) openDisputeForCharge(sb, charge, card.dispute);
  return intent;
}

/** SEPA debits stay processing, then settle (payment.settle task). */
export function startAsyncPayment(sb: Sandbox, intent: Stripe.PaymentIntent, method: Stripe.PaymentMethod) {
  const charge = createCharge(sb, {
    paymentIntent: intent,
    method,
    card: null,
    status: "pending",
    captured: true,
    threeDSecure: false,
  });
  intent.status = "processing";
  intent.latest_charge = charge.id;
  intent.next_action = null;
  intent.processing = null;
  sb.touch();
  emitEvent(sb, "payment_intent.processing", intent);
  emitEvent(sb, "charge.pending", charge);
  const delayed = sb.state.paymentMethodBehaviour[charge.payment_method ?? ""] === SEPA_SUCCEEDS_DELAYED;
  sb.schedule("payment.settle", charge.id, delayed ? LATER_MS : sb.config.timing.asyncPaymentSettleDelayMs);
  return intent;
}

export function settleAsyncPayment(sb: Sandbox, chargeId: string) {
  const charge = sb.state.charges[chargeId];
  const intent = charge?.payment_intent ? sb.state.paymentIntents[charge.payment_intent as string] : undefined;
  if (!charge || !intent || charge.status !== "pending" || intent.status !== "processing") return;
  const fails = sb.state.paymentMethodBehaviour[charge.payment_method ?? ""] === SEPA_FAILS;
  if (fails) {
    charge.status = "failed";
    charge.failure_code = "insufficient_funds";
    charge.failure_message = "The customer's account has insufficient funds to cover this payment.";
    intent.status = "requires_payment_method";
    intent.last_payment_error = {
      type: "invalid_request_error",
      code: "payment_method_provider_decline",
      decline_code: "insufficient_funds",
      message: charge.failure_message,
      charge: charge.id,
    } as Stripe.PaymentIntent.LastPaymentError;
    sb.touch();
    emitEvent(sb, "charge.failed", charge);
    emitEvent(sb, "payment_intent.payment_failed", intent);
    return;
  }
  charge.status = "succeeded";
  charge.paid = true;
  charge.amount_captured = charge.amount;
  attachBalanceTransaction(sb, charge, false);
  intent.status = "succeeded";
  intent.amount_received = intent.amount;
  sb.touch();
  emitEvent(sb, "charge.succeeded", charge);
  emitEvent(sb, "payment_intent.succeeded", intent);
  announceAvailableFunds(sb, charge);
}
