import type Stripe from "stripe";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { invalidRequest, unexpectedState } from "../http/errors";
import type { Params } from "../http/form";
import { optionalObject, optionalString } from "../http/params";
import { chargeCard, startAsyncPayment } from "./charge-payment";
import { requestsThreeDSecure } from "./payment-intents";
import { createPaymentMethod, resolvePaymentMethod } from "./payment-methods";
import { TEST_CARDS } from "./test-cards";

const CONFIRMABLE: Stripe.PaymentIntent.Status[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
];

function choosePaymentMethod(sb: Sandbox, intent: Stripe.PaymentIntent, params: Params): Stripe.PaymentMethod {
  const data = optionalObject(params, "payment_method_data");
  if (data) return createPaymentMethod(sb, data, "payment_method_data");
  const id = optionalString(params, "payment_method") ?? (intent.payment_method as string | null);
  if (!id) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with a payment method, pass `payment_method` or `payment_method_data`.",
      { code: "payment_intent_unexpected_state", param: "payment_method" },
    );
  }
  return resolvePaymentMethod(sb, id);
}

/** The challenge page the customer is sent to; it returns them to `return_url` as Stripe's does. */
export function challengeUrl(baseUrl: string, intent: Stripe.PaymentIntent): string {
  const query = new URLSearchParams({ client_secret: intent.client_secret ?? "" });
  return `${baseUrl}/3ds/${intent.id}?${query}`;
}

export function confirmPaymentIntent(
  sb: Sandbox,
  intent: Stripe.PaymentIntent,
  params: Params,
  baseUrl: string,
): Stripe.PaymentIntent {
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(", ")}.`,
      intent as unknown as Record<string, unknown>,
    );
  }
  const method = choosePaymentMethod(sb, intent, params);
  if (!intent.payment_method_types.includes(method.type)) {
    throw invalidRequest(
      `The PaymentMethod provided (${method.type}) is not allowed for this PaymentIntent. Allowed payment method types: ${intent.payment_method_types.join(", ")}.`,
      { param: "payment_method", code: "payment_intent_incompatible_payment_method" },
    );
  }
  intent.payment_method = method.id;
  intent.last_payment_error = null;
  const returnUrl = optionalString(params, "return_url") ?? null;
  sb.touch();
  if (method.type === "sepa_debit") return startAsyncPayment(sb, intent, method);
  const behaviour = sb.state.paymentMethodBehaviour[method.id] ?? "pm_card_visa";
  const card = TEST_CARDS[behaviour] ?? TEST_CARDS.pm_card_visa!;
  if (card.threeDSecure || requestsThreeDSecure(intent)) {
    intent.status = "requires_action";
    intent.next_action = {
      type: "redirect_to_url",
      redirect_to_url: { return_url: returnUrl, url: challengeUrl(baseUrl, intent) },
    };
    emitEvent(sb, "payment_intent.requires_action", intent);
    return intent;
  }
  return chargeCard(sb, intent, method, card, false);
}

/** The customer's answer on the challenge page. */
export function completeAuthentication(sb: Sandbox, intent: Stripe.PaymentIntent, succeeded: boolean) {
  if (intent.status !== "requires_action") {
    throw unexpectedState(`This PaymentIntent is not awaiting authentication; its status is ${intent.status}.`);
  }
  const method = resolvePaymentMethod(sb, intent.payment_method as string);
  if (succeeded) {
    const card = TEST_CARDS[sb.state.paymentMethodBehaviour[method.id] ?? ""] ?? TEST_CARDS.pm_card_visa!;
    return chargeCard(sb, intent, method, card, true);
  }
  intent.status = "requires_payment_method";
  intent.next_action = null;
  intent.last_payment_error = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
    message:
      "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
    payment_method: method,
  };
  sb.touch();
  emitEvent(sb, "payment_intent.payment_failed", intent);
  return intent;
}
