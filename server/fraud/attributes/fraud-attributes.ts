import type { AttributeShape } from "../rules/attribute-types";

/** When an attribute is known: before the PaymentIntent exists, or only once the card was authorised. */
export type AttributeStage = "pre_payment" | "post_authorisation";

export type FraudAttribute = AttributeShape & {
  /** Shown to the merchant beside the rule editor. */
  label: string;
  /** Where PayOps takes the value from. */
  source: string;
  stage: AttributeStage;
};

const velocity = (
  subject: string,
  kind: "total" | "declined",
  window: "hourly" | "daily",
  stage: AttributeStage = "pre_payment",
): FraudAttribute => ({
  type: "number",
  label: `${kind === "total" ? "Payment attempts" : "Declined payments"} with this ${subject} in the last ${window === "hourly" ? "hour" : "day"}`,
  source: `Velocity counters (Redis when REDIS_URL is set, else PostgreSQL): every checkout attempt counts, a declined or failed payment counts as declined; sliding ${window === "hourly" ? "1-hour" : "24-hour"} window`,
  stage,
});

/**
 * Every attribute a rule may use, by its Radar name where Radar has one. Pre-payment attributes
 * come from the checkout request and the database; post-authorisation ones from the Charge that
 * Stripe returns once the card was authorised. A rule reading a post-authorisation attribute
 * cannot match before payment (a missing value never matches), so it acts after authorisation.
 */
export const FRAUD_ATTRIBUTES = {
  amount: {
    type: "number",
    label: "Amount in the order's currency, in its smallest unit (cents, yen)",
    source: "The order total priced from the catalogue",
    stage: "pre_payment",
  },
  amount_in_usd: {
    type: "number",
    label: "Amount in US dollars",
    source: "The order total converted with the configured rate table (FRAUD_USD_RATES), in dollars",
    stage: "pre_payment",
  },
  currency: {
    type: "string",
    label: "Currency (three letters, e.g. usd)",
    source: "The order's currency, lowercase as Stripe writes it",
    stage: "pre_payment",
  },
  email: { type: "string", label: "Customer email", source: "The checkout form, lowercased", stage: "pre_payment" },
  email_domain: {
    type: "string",
    label: "Customer email domain",
    source: "The part of the checkout email after @",
    stage: "pre_payment",
  },
  is_disposable_email: {
    type: "boolean",
    label: "Email from a disposable-address provider",
    source: "The email domain looked up in the disposable-email-domains package's list",
    stage: "pre_payment",
  },
  is_new_customer: {
    type: "boolean",
    label: "Customer has never paid an order before",
    source: "No earlier order of this email reached paid (or later) in PayOps",
    stage: "pre_payment",
  },
  customer_orders: {
    type: "number",
    label: "Customer's earlier paid orders",
    source: "Orders of this email that reached paid or later, in PayOps",
    stage: "pre_payment",
  },
  customer_refunds: {
    type: "number",
    label: "Customer's earlier refunds",
    source: "Refunds that succeeded on this email's orders, in PayOps",
    stage: "pre_payment",
  },
  customer_disputes: {
    type: "number",
    label: "Customer's earlier disputes",
    source: "Disputes opened on this email's orders, in PayOps",
    stage: "pre_payment",
  },
  shipping_address_country: {
    type: "string",
    label: "Shipping country (two letters)",
    source: "The checkout form's shipping address",
    stage: "pre_payment",
  },
  ip_address: {
    type: "string",
    label: "Customer IP address",
    source: "The request's address, read through TRUSTED_PROXY_HOPS proxies",
    stage: "pre_payment",
  },
  ip_country: {
    type: "string",
    label: "Country of the customer's IP address",
    source:
      "The x-vercel-ip-country or cf-ipcountry header, only when TRUSTED_PROXY_HOPS says a proxy in front sets it (FRAUD_IP_COUNTRY_HEADER chooses the header)",
    stage: "pre_payment",
  },
  card_country: {
    type: "string",
    label: "Card's issuing country",
    source: "charge.payment_method_details.card.country",
    stage: "post_authorisation",
  },
  card_fingerprint: {
    type: "string",
    label: "Card fingerprint",
    source: "charge.payment_method_details.card.fingerprint",
    stage: "post_authorisation",
  },
  card_funding: {
    type: "string",
    label: "Card funding (credit, debit, prepaid)",
    source: "charge.payment_method_details.card.funding",
    stage: "post_authorisation",
  },
  card_brand: {
    type: "string",
    label: "Card brand",
    source: "charge.payment_method_details.card.brand",
    stage: "post_authorisation",
  },
  cvc_check: {
    type: "string",
    label: "CVC check (pass, fail, unavailable, unchecked)",
    source: "charge.payment_method_details.card.checks.cvc_check",
    stage: "post_authorisation",
  },
  address_zip_check: {
    type: "string",
    label: "Postal code check (pass, fail, unavailable, unchecked)",
    source: "charge.payment_method_details.card.checks.address_postal_code_check",
    stage: "post_authorisation",
  },
  is_3d_secure: {
    type: "boolean",
    label: "3-D Secure was attempted",
    source: "charge.payment_method_details.card.three_d_secure is present",
    stage: "post_authorisation",
  },
  is_3d_secure_authenticated: {
    type: "boolean",
    label: "3-D Secure authenticated the cardholder",
    source: "charge.payment_method_details.card.three_d_secure.result = authenticated",
    stage: "post_authorisation",
  },
  risk_level: {
    type: "string",
    label: "Stripe's risk level (normal, elevated, highest)",
    source: "charge.outcome.risk_level",
    stage: "post_authorisation",
  },
  risk_score: {
    type: "number",
    label: "Stripe's risk score (0 to 100)",
    source: "charge.outcome.risk_score",
    stage: "post_authorisation",
  },
  total_charges_per_email_hourly: velocity("email", "total", "hourly"),
  total_charges_per_email_daily: velocity("email", "total", "daily"),
  declined_charges_per_email_hourly: velocity("email", "declined", "hourly"),
  declined_charges_per_email_daily: velocity("email", "declined", "daily"),
  total_charges_per_ip_address_hourly: velocity("IP address", "total", "hourly"),
  total_charges_per_ip_address_daily: velocity("IP address", "total", "daily"),
  declined_charges_per_ip_address_hourly: velocity("IP address", "declined", "hourly"),
  declined_charges_per_ip_address_daily: velocity("IP address", "declined", "daily"),
  total_charges_per_card_number_hourly: velocity("card", "total", "hourly", "post_authorisation"),
  total_charges_per_card_number_daily: velocity("card", "total", "daily", "post_authorisation"),
  declined_charges_per_card_number_hourly: velocity("card", "declined", "hourly", "post_authorisation"),
  declined_charges_per_card_number_daily: velocity("card", "declined", "daily", "post_authorisation"),
} as const satisfies Record<string, FraudAttribute>;

export type FraudAttributeName = keyof typeof FRAUD_ATTRIBUTES;
