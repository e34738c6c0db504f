import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { invalidParam, invalidRequest, resourceMissing, StripeApiError } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalObject, optionalString, requiredString } from "../http/params";
import { behaviourKeyForNumber, type CardBehaviour, cardForNumber, luhnValid, TEST_CARDS } from "./test-cards";

export const SEPA_SUCCEEDS = "sepa_debit:succeeds";
export const SEPA_FAILS = "sepa_debit:fails";
/** DE08370400440532013003: succeeds, but only after at least three minutes (Stripe's "successDelayed"). */
export const SEPA_SUCCEEDS_DELAYED = "sepa_debit:succeeds_delayed";

/** Stripe's failing SEPA test IBANs end in these digits; every other valid-looking IBAN succeeds. */
const FAILING_IBAN_SUFFIXES = ["3202", "3001"];
const DELAYED_IBAN_SUFFIX = "3003";

function fingerprint(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

function billingDetails(params: Params | undefined): Stripe.PaymentMethod.BillingDetails {
  const details = params ?? {};
  return {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: optionalString(details, "email") ?? null,
    name: optionalString(details, "name") ?? null,
    phone: optionalString(details, "phone") ?? null,
    tax_id: null,
  };
}

function basePaymentMethod(sb: Sandbox, type: Stripe.PaymentMethod.Type, params: Params): Stripe.PaymentMethod {
  return {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billingDetails(optionalObject(params, "billing_details")),
    created: sb.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: applyMetadata({}, params),
    type,
  };
}

function store(sb: Sandbox, method: Stripe.PaymentMethod, behaviour: string): Stripe.PaymentMethod {
  sb.state.paymentMethods[method.id] = method;
  sb.state.paymentMethodBehaviour[method.id] = behaviour;
  sb.touch();
  return method;
}

export function cardPaymentMethod(sb: Sandbox, card: CardBehaviour, behaviour: string, expMonth = 12, expYear = 2034) {
  const method = basePaymentMethod(sb, "card", {});
  method.card = {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "unchecked" },
    country: card.country,
    display_brand: card.brand,
    exp_month: expMonth,
    exp_year: expYear,
    fingerprint: fingerprint(card.number),
    funding: card.funding,
    generated_from: null,
    last4: card.number.slice(-4),
    networks: { available: [card.brand], preferred: null },
    regulated_status: "unregulated",
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
  return store(sb, method, behaviour);
}

/** Raw card details, as the sandbox's card form sends them (never PayOps's own server). */
export function paymentMethodFromCardDetails(sb: Sandbox, card: Params, paramPrefix: string): Stripe.PaymentMethod {
  const number = requiredString(card, "number").replace(/[\s-]/g, "");
  const expMonth = Number(optionalString(card, "exp_month") ?? "12");
  const expYear = Number(optionalString(card, "exp_year") ?? "2034");
  const cardError = (code: string, message: string, param: string) =>
    new StripeApiError(402, { type: "card_error", code, message, param: `${paramPrefix}[${param}]` });
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) {
    throw cardError("incorrect_number", "Your card number is incorrect.", "number");
  }
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
    throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
  }
  const fullYear = expYear < 100 ? 2000 + expYear : expYear;
  const now = new Date(sb.nowMs());
  const expired =
    fullYear < now.getUTCFullYear() || (fullYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
  if (!Number.isInteger(fullYear) || expired) {
    throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "exp_year");
  }
  return cardPaymentMethod(sb, cardForNumber(number), behaviourKeyForNumber(number), expMonth, fullYear);
}

export function sepaPaymentMethod(sb: Sandbox, params: Params, sepa: Params, paramPrefix: string) {
  const iban = requiredString(sepa, "iban").replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) {
    throw invalidParam(`${paramPrefix}[iban]`, "The IBAN you provided is invalid.");
  }
  const method = basePaymentMethod(sb, "sepa_debit", params);
  method.sepa_debit = {
    bank_code: iban.slice(4, 9),
    branch_code: "",
    country: iban.slice(0, 2),
    fingerprint: fingerprint(iban),
    generated_from: { charge: null, setup_attempt: null },
    last4: iban.slice(-4),
  };
  const fails = FAILING_IBAN_SUFFIXES.some((suffix) => iban.endsWith(suffix));
  const delayed = iban.endsWith(DELAYED_IBAN_SUFFIX);
  return store(sb, method, fails ? SEPA_FAILS : delayed ? SEPA_SUCCEEDS_DELAYED : SEPA_SUCCEEDS);
}

/** `payment_method_data` on confirm, or the body of POST /v1/payment_methods. */
export function createPaymentMethod(sb: Sandbox, params: Params, paramPrefix = ""): Stripe.PaymentMethod {
  const type = requiredString(params, "type");
  const name = (field: string) => (paramPrefix ? `${paramPrefix}[${field}]` : field);
  if (type === "card") {
    const card = optionalObject(params, "card");
    if (!card) throw invalidRequest("Missing required param: card.", { param: name("card") });
    const token = optionalString(card, "token");
    if (token) return resolvePaymentMethod(sb, token.replace(/^tok_/, "pm_card_"));
    return paymentMethodFromCardDetails(sb, card, name("card"));
  }
  if (type === "sepa_debit") {
    const sepa = optionalObject(params, "sepa_debit");
    if (!sepa) throw invalidRequest("Missing required param: sepa_debit.", { param: name("sepa_debit") });
    return sepaPaymentMethod(sb, params, sepa, name("sepa_debit"));
  }
  throw invalidParam(name("type"), `The payment method type "${type}" is not supported by the sandbox.`);
}

/** A magic test id (pm_card_visa) becomes a new payment method each time, as on Stripe. */
export function resolvePaymentMethod(sb: Sandbox, id: string): Stripe.PaymentMethod {
  const stored = sb.state.paymentMethods[id];
  if (stored) return stored;
  const card = TEST_CARDS[id];
  if (card) return cardPaymentMethod(sb, card, id);
  throw resourceMissing("PaymentMethod", id, "payment_method");
}

export function retrievePaymentMethod(sb: Sandbox, id: string): Stripe.PaymentMethod {
  const method = sb.state.paymentMethods[id];
  if (!method) throw resourceMissing("payment_method", id);
  return method;
}
