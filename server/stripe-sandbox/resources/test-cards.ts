/** What a test card does when charged, mirroring Stripe's documented test cards. */
export interface CardBehaviour {
  number: string;
  brand: "visa" | "mastercard" | "amex" | "discover";
  funding: "credit" | "debit";
  country: string;
  decline?: { code: string; declineCode: string; message: string };
  /** Radar blocks the payment before it reaches the network. */
  blocked?: boolean;
  risk: { level: "normal" | "elevated" | "highest"; score: number };
  threeDSecure?: boolean;
  dispute?: { status: "needs_response" | "warning_needs_response"; reason: string };
  bypassPending?: boolean;
  /** Refunds succeed, then fail a moment later (4000000000005126). */
  refundFails?: boolean;
}

const declined = (declineCode: string, message = "Your card was declined.", code = "card_declined") => ({
  code,
  declineCode,
  message,
});

const normal = { level: "normal", score: 20 } as const;

const visa = (number: string, extra: Partial<CardBehaviour> = {}): CardBehaviour => ({
  number,
  brand: "visa",
  funding: "credit",
  country: "US",
  risk: normal,
  ...extra,
});

/** Keyed by the magic payment method id; several ids share a card number. */
export const TEST_CARDS: Record<string, CardBehaviour> = {
  pm_card_visa: visa("4242424242424242"),
  pm_card_visa_debit: visa("4000056655665556", { funding: "debit" }),
  pm_card_mastercard: { ...visa("5555555555554444"), brand: "mastercard" },
  pm_card_amex: { ...visa("378282246310005"), brand: "amex" },
  pm_card_discover: { ...visa("6011111111111117"), brand: "discover" },
  pm_card_bypassPending: visa("4000000000000077", { bypassPending: true }),
  pm_card_visa_chargeDeclined: visa("4000000000000002", { decline: declined("generic_decline") }),
  pm_card_chargeDeclined: visa("4000000000000002", { decline: declined("generic_decline") }),
  pm_card_chargeDeclinedInsufficientFunds: visa("4000000000009995", {
    decline: declined("insufficient_funds", "Your card has insufficient funds."),
  }),
  pm_card_visa_chargeDeclinedInsufficientFunds: visa("4000000000009995", {
    decline: declined("insufficient_funds", "Your card has insufficient funds."),
  }),
  pm_card_chargeDeclinedLostCard: visa("4000000000009987", { decline: declined("lost_card") }),
  pm_card_chargeDeclinedStolenCard: visa("4000000000009979", { decline: declined("stolen_card") }),
  pm_card_chargeDeclinedExpiredCard: visa("4000000000000069", {
    decline: declined("expired_card", "Your card has expired.", "expired_card"),
  }),
  pm_card_chargeDeclinedIncorrectCvc: visa("4000000000000127", {
    decline: declined("incorrect_cvc", "Your card's security code is incorrect.", "incorrect_cvc"),
  }),
  pm_card_chargeDeclinedProcessingError: visa("4000000000000119", {
    decline: declined(
      "processing_error",
      "An error occurred while processing your card. Try again in a little bit.",
      "processing_error",
    ),
  }),
  pm_card_visa_chargeDeclinedVelocityLimitExceeded: visa("4000000000006975", {
    decline: declined("card_velocity_exceeded"),
  }),
  pm_card_chargeDeclinedFraudulent: visa("4000000000000002", {
    decline: declined("fraudulent"),
    risk: { level: "elevated", score: 72 },
  }),
  pm_card_visa_chargeDeclinedFraudulent: visa("4000000000000002", {
    decline: declined("fraudulent"),
    risk: { level: "elevated", score: 72 },
  }),
  pm_card_radarBlock: visa("4100000000000019", {
    blocked: true,
    decline: declined("fraudulent"),
    risk: { level: "highest", score: 95 },
  }),
  pm_card_riskLevelHighest: visa("4000000000004954", {
    blocked: true,
    decline: declined("fraudulent"),
    risk: { level: "highest", score: 91 },
  }),
  pm_card_riskLevelElevated: visa("4000000000009235", { risk: { level: "elevated", score: 67 } }),
  pm_card_authenticationRequired: visa("4000002760003184", { threeDSecure: true }),
  pm_card_threeDSecure2Required: visa("4000000000003220", { threeDSecure: true }),
  pm_card_authenticationRequiredOnSetup: visa("4000002500003155", { threeDSecure: true }),
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds: visa("4000008260003178", {
    threeDSecure: true,
    decline: declined("insufficient_funds", "Your card has insufficient funds."),
  }),
  pm_card_createDispute: visa("4000000000000259", { dispute: { status: "needs_response", reason: "fraudulent" } }),
  pm_card_createDisputeProductNotReceived: visa("4000000000002685", {
    dispute: { status: "needs_response", reason: "product_not_received" },
  }),
  pm_card_createDisputeInquiry: visa("4000000000001976", {
    dispute: { status: "warning_needs_response", reason: "general" },
  }),
  pm_card_pendingRefund: visa("4000000000007726"),
  pm_card_refundFail: visa("4000000000005126", { refundFails: true }),
};

const BY_NUMBER = new Map<string, string>();
for (const [id, card] of Object.entries(TEST_CARDS)) if (!BY_NUMBER.has(card.number)) BY_NUMBER.set(card.number, id);

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return number.length >= 12 && sum % 10 === 0;
}

function brandOf(number: string): CardBehaviour["brand"] {
  if (/^3[47]/.test(number)) return "amex";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^6/.test(number)) return "discover";
  return "visa";
}

/** The behaviour key (magic id) for a card number typed into the sandbox's card form. */
export function behaviourKeyForNumber(number: string): string {
  const known = BY_NUMBER.get(number);
  if (known) return known;
  const brand = brandOf(number);
  return brand === "visa" ? "pm_card_visa" : `pm_card_${brand}`;
}

/** A card number not in the catalogue behaves like a plain card of its brand. */
export function cardForNumber(number: string): CardBehaviour {
  const known = BY_NUMBER.get(number);
  if (known) return TEST_CARDS[known]!;
  return { ...visa(number), brand: brandOf(number) };
}
