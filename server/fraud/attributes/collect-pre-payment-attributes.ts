import type { AttributeValue } from "../rules/attribute-types";
import { DECIMAL_SCALE } from "../rules/rule-ast";
import type { VelocityCounts } from "../velocity/velocity-store";
import type { CustomerHistory } from "./customer-history";
import { isDisposableEmailDomain } from "./disposable-email";
import type { FraudAttributeName } from "./fraud-attributes";
import { amountInUsd, type UsdRateTable } from "./usd-rates";

export type PrePaymentFacts = {
  email: string;
  currency: string;
  totalMinor: number;
  shippingCountry: string;
  ipAddress: string | null;
  ipCountry: string | null;
};

export type AttributeMap = Partial<Record<FraudAttributeName, AttributeValue>>;

const whole = (count: number) => BigInt(count) * DECIMAL_SCALE;

/** The attributes known before a PaymentIntent exists; post-authorisation ones stay unset (null). */
export function collectPrePaymentAttributes(
  facts: PrePaymentFacts,
  context: {
    rates: UsdRateTable;
    history: CustomerHistory;
    emailVelocity: VelocityCounts;
    ipVelocity: VelocityCounts | null;
  },
): AttributeMap {
  const email = facts.email.trim().toLowerCase();
  const domain = email.includes("@") ? email.slice(email.lastIndexOf("@") + 1) : "";
  const ip = context.ipVelocity;
  return {
    amount: whole(facts.totalMinor),
    amount_in_usd: amountInUsd(facts.totalMinor, facts.currency, context.rates),
    currency: facts.currency.toLowerCase(),
    email,
    email_domain: domain || null,
    is_disposable_email: domain ? isDisposableEmailDomain(domain) : false,
    is_new_customer: context.history.paidOrders === 0,
    customer_orders: whole(context.history.paidOrders),
    customer_refunds: whole(context.history.refunds),
    customer_disputes: whole(context.history.disputes),
    shipping_address_country: facts.shippingCountry.toUpperCase(),
    ip_address: facts.ipAddress,
    ip_country: facts.ipCountry,
    total_charges_per_email_hourly: whole(context.emailVelocity.attemptsHour),
    total_charges_per_email_daily: whole(context.emailVelocity.attemptsDay),
    declined_charges_per_email_hourly: whole(context.emailVelocity.declinesHour),
    declined_charges_per_email_daily: whole(context.emailVelocity.declinesDay),
    total_charges_per_ip_address_hourly: ip ? whole(ip.attemptsHour) : null,
    total_charges_per_ip_address_daily: ip ? whole(ip.attemptsDay) : null,
    declined_charges_per_ip_address_hourly: ip ? whole(ip.declinesHour) : null,
    declined_charges_per_ip_address_daily: ip ? whole(ip.declinesDay) : null,
  };
}

/** Attribute values as JSON for the stored decision: numbers as decimal text, exactly. */
export function attributesForStorage(attributes: AttributeMap): Record<string, string | boolean | null> {
  const stored: Record<string, string | boolean | null> = {};
  for (const [name, value] of Object.entries(attributes)) {
    stored[name] = typeof value === "bigint" ? formatDecimal(value) : (value ?? null);
  }
  return stored;
}

export function formatDecimal(value: bigint): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const units = absolute / DECIMAL_SCALE;
  const fraction = (absolute % DECIMAL_SCALE).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${units}${fraction ? `.${fraction}` : ""}`;
}
