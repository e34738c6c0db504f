import type Stripe from "stripe";
import { newId, randomToken } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { emitEvent } from "../events/emit-event";
import { invalidParam, resourceMissing, unexpectedState } from "../http/errors";
import type { Params } from "../http/form";
import {
  applyMetadata,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredInteger,
  requiredString,
} from "../http/params";
import { closeReviewOfCharge } from "./reviews";
import { parseShipping } from "./shipping";

const CAPTURE_METHODS = ["automatic", "automatic_async", "manual"] as const;
const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"] as const;
const CANCELABLE: Stripe.PaymentIntent.Status[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];

export function retrievePaymentIntent(sb: Sandbox, id: string, param = "id"): Stripe.PaymentIntent {
  const intent = sb.state.paymentIntents[id];
  if (!intent) throw resourceMissing("payment_intent", id, param);
  return intent;
}

/** `paymentMethodId`: an already resolved payment method, which makes the intent await confirmation. */
export function createPaymentIntent(sb: Sandbox, params: Params, paymentMethodId?: string): Stripe.PaymentIntent {
  const amount = requiredInteger(params, "amount", 1);
  const currency = requiredString(params, "currency").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidParam("currency", `Invalid currency: ${currency}.`);
  // API 2026-10-28 names the list allowed_payment_method_types; older clients (and the Stripe CLI) send payment_method_types.
  const allowed = optionalStringArray(params, "allowed_payment_method_types");
  const types = allowed ?? optionalStringArray(params, "payment_method_types");
  const excluded = optionalStringArray(params, "excluded_payment_method_types");
  const id = newId("pi");
  const intent: Stripe.PaymentIntent = {
    id,
    object: "payment_intent",
    allowed_payment_method_types: (allowed as Stripe.PaymentIntent.AllowedPaymentMethodType[] | undefined) ?? null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: types ? null : { allow_redirects: "always", enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    // Since API 2024-04-10 the default is automatic_async.
    capture_method: optionalEnum(params, "capture_method", CAPTURE_METHODS) ?? "automatic_async",
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: optionalEnum(params, "confirmation_method", ["automatic", "manual"]) ?? "automatic",
    created: sb.now(),
    currency,
    customer: optionalString(params, "customer") ?? null,
    customer_account: null,
    description: optionalString(params, "description") ?? null,
    excluded_payment_method_types: (excluded as Stripe.PaymentIntent.ExcludedPaymentMethodType[] | undefined) ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: applyMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: paymentMethodId ?? null,
    payment_method_configuration_details: null,
    payment_method_options: parsePaymentMethodOptions(params),
    payment_method_types: (types ?? ["card", "sepa_debit"]).filter((type) => !excluded?.includes(type)),
    payment_record: null,
    processing: null,
    receipt_email: optionalString(params, "receipt_email") ?? null,
    review: null,
    setup_future_usage: null,
    shipping: parseShipping(params, null),
    source: null,
    statement_descriptor: optionalString(params, "statement_descriptor") ?? null,
    statement_descriptor_suffix: optionalString(params, "statement_descriptor_suffix") ?? null,
    status: paymentMethodId ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: optionalString(params, "transfer_group") ?? null,
  };
  sb.state.paymentIntents[id] = intent;
  sb.touch();
  emitEvent(sb, "payment_intent.created", intent);
  return intent;
}

/** Amount and currency can change only before the payment is attempted; metadata and the rest any time. */
export function updatePaymentIntent(sb: Sandbox, intent: Stripe.PaymentIntent, params: Params) {
  const editable = ["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status);
  const amount = optionalInteger(params, "amount", 1);
  const currency = optionalString(params, "currency")?.toLowerCase();
  if ((amount !== undefined || currency !== undefined) && !editable) {
    throw unexpectedState(
      `You cannot update the amount or currency of this PaymentIntent because it has a status of ${intent.status}.`,
    );
  }
  if (amount !== undefined) intent.amount = amount;
  if (currency !== undefined) intent.currency = currency;
  intent.metadata = applyMetadata(intent.metadata, params);
  const description = optionalString(params, "description");
  if (description !== undefined) intent.description = description || null;
  const receiptEmail = optionalString(params, "receipt_email");
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail || null;
  intent.shipping = parseShipping(params, intent.shipping);
  const paymentMethod = optionalString(params, "payment_method");
  if (paymentMethod !== undefined && editable) {
    intent.payment_method = paymentMethod || null;
    intent.status = paymentMethod ? "requires_confirmation" : "requires_payment_method";
  }
  // Any later update clears the last error, as on Stripe.
  if (editable) intent.last_payment_error = null;
  sb.touch();
  return intent;
}

/** An authorization left uncaptured too long: `charge.expired`, then the intent is canceled. */
export function expireAuthorization(sb: Sandbox, intent: Stripe.PaymentIntent) {
  const charge = typeof intent.latest_charge === "string" ? sb.state.charges[intent.latest_charge] : undefined;
  if (charge) {
    charge.amount_refunded = charge.amount;
    charge.refunded = true;
    emitEvent(sb, "charge.expired", charge);
  }
  intent.status = "canceled";
  intent.canceled_at = sb.now();
  intent.cancellation_reason = "automatic";
  intent.amount_capturable = 0;
  sb.touch();
  emitEvent(sb, "payment_intent.canceled", intent);
  closeReviewOfCharge(sb, charge, "canceled");
}

export function cancelPaymentIntent(sb: Sandbox, intent: Stripe.PaymentIntent, params: Params) {
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
      intent as unknown as Record<string, unknown>,
    );
  }
  const reason = optionalEnum(params, "cancellation_reason", CANCELLATION_REASONS) ?? null;
  const uncapturedCharge =
    intent.status === "requires_capture" && typeof intent.latest_charge === "string"
      ? sb.state.charges[intent.latest_charge]
      : undefined;
  intent.status = "canceled";
  intent.canceled_at = sb.now();
  intent.cancellation_reason = reason;
  intent.amount_capturable = 0;
  intent.next_action = null;
  sb.touch();
  emitEvent(sb, "payment_intent.canceled", intent);
  // Canceling an authorization releases the held amount back to the customer.
  if (uncapturedCharge) {
    uncapturedCharge.amount_refunded = uncapturedCharge.amount;
    uncapturedCharge.refunded = true;
    emitEvent(sb, "charge.refunded", uncapturedCharge);
  }
  const latest = typeof intent.latest_charge === "string" ? sb.state.charges[intent.latest_charge] : undefined;
  closeReviewOfCharge(sb, latest, "canceled");
  return intent;
}

const REQUEST_THREE_D_SECURE = ["automatic", "any", "challenge"] as const;

/** Only the card's request_three_d_secure is modelled; "any" and "challenge" make confirm authenticate. */
function parsePaymentMethodOptions(params: Params): Stripe.PaymentIntent.PaymentMethodOptions {
  const options = optionalObject(params, "payment_method_options");
  const card = options ? optionalObject(options, "card") : undefined;
  if (!card) return {};
  const request = optionalEnum(card, "request_three_d_secure", REQUEST_THREE_D_SECURE) ?? "automatic";
  return { card: { request_three_d_secure: request } as Stripe.PaymentIntent.PaymentMethodOptions.Card };
}

/** Whether the merchant asked the issuer for 3-D Secure on every card that supports it. */
export function requestsThreeDSecure(intent: Stripe.PaymentIntent): boolean {
  const request = intent.payment_method_options?.card?.request_three_d_secure;
  return request === "any" || request === "challenge";
}
