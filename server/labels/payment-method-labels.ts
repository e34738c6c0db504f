import { labelFrom } from "./in-words";

/** Stripe's card brands as printed on receipts and in the back office. */
export const CARD_BRAND_LABELS: Record<string, string> = {
  amex: "American Express",
  cartes_bancaires: "Cartes Bancaires",
  diners: "Diners Club",
  discover: "Discover",
  eftpos_au: "eftpos",
  jcb: "JCB",
  link: "Link",
  mastercard: "Mastercard",
  unionpay: "UnionPay",
  visa: "Visa",
  unknown: "Card",
};

/** The payment's 3-D Secure state (the charge's result once there is one); null means the bank did not ask. */
export const THREE_D_SECURE_LABELS: Record<string, string> = {
  challenged: "Asked, not completed",
  authenticated: "Authenticated",
  attempt_acknowledged: "Attempted (bank did not take part)",
  exempted: "Exempted",
  failed: "Failed",
  not_supported: "Not supported by the card",
  processing_error: "Could not be checked",
};

export const cardBrandLabel = (brand: string) => (brand ? labelFrom(CARD_BRAND_LABELS, brand) : "Card");
export const threeDSecureLabel = (result: string | null) =>
  result ? labelFrom(THREE_D_SECURE_LABELS, result) : "Not asked";
