import type Stripe from "stripe";
import type { AttributeMap } from "../attributes/collect-pre-payment-attributes";
import { FRAUD_ATTRIBUTES, type FraudAttributeName } from "../attributes/fraud-attributes";
import { parseDecimal } from "../rules/parse-rule";
import { DECIMAL_SCALE } from "../rules/rule-ast";

/** What the Charge tells once the card was authorised: card, checks, 3-D Secure, Radar's risk. */
export function collectPostAuthorisationAttributes(charge: Stripe.Charge | null): AttributeMap {
  const card = charge?.payment_method_details?.card ?? null;
  const threeDSecure = card?.three_d_secure ?? null;
  const score = charge?.outcome?.risk_score;
  return {
    card_country: card?.country?.toUpperCase() ?? null,
    card_fingerprint: card?.fingerprint ?? null,
    card_funding: card?.funding ?? null,
    card_brand: card?.brand ?? null,
    cvc_check: card?.checks?.cvc_check ?? null,
    address_zip_check: card?.checks?.address_postal_code_check ?? null,
    is_3d_secure: card ? threeDSecure !== null : null,
    is_3d_secure_authenticated: card ? threeDSecure?.result === "authenticated" : null,
    risk_level: charge?.outcome?.risk_level ?? null,
    risk_score: typeof score === "number" ? BigInt(score) * DECIMAL_SCALE : null,
  };
}

/** The stored pre-payment attributes back in evaluation form (numbers from their decimal text). */
export function attributesFromStorage(stored: unknown): AttributeMap {
  const attributes: AttributeMap = {};
  if (!stored || typeof stored !== "object") return attributes;
  for (const [name, value] of Object.entries(stored as Record<string, unknown>)) {
    const shape = FRAUD_ATTRIBUTES[name as FraudAttributeName];
    if (!shape || value === null || value === undefined) continue;
    if (shape.type === "number" && typeof value === "string")
      attributes[name as FraudAttributeName] = parseDecimal(value);
    else if (shape.type === "boolean" && typeof value === "boolean") attributes[name as FraudAttributeName] = value;
    else if (shape.type === "string" && typeof value === "string") attributes[name as FraudAttributeName] = value;
  }
  return attributes;
}
