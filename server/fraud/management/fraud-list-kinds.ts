import { isIP } from "node:net";
import { AppError } from "../../errors";

/** What a saved list holds; a rule compares the matching attribute with `in @alias`. */
export const FRAUD_LIST_KINDS = ["email", "email_domain", "ip_address", "card_fingerprint", "country"] as const;
export type FraudListKind = (typeof FRAUD_LIST_KINDS)[number];

export function isFraudListKind(kind: string): kind is FraudListKind {
  return (FRAUD_LIST_KINDS as readonly string[]).includes(kind);
}

const CHECKS: Record<FraudListKind, { test: (value: string) => boolean; expected: string }> = {
  email: { test: (value) => /^[^\s@]+@[^\s@]+$/.test(value), expected: "an email address" },
  email_domain: {
    test: (value) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value),
    expected: "a domain such as example.com",
  },
  ip_address: { test: (value) => isIP(value) !== 0, expected: "an IP address" },
  card_fingerprint: { test: (value) => /^[a-z0-9]{8,64}$/.test(value), expected: "a card fingerprint from Stripe" },
  country: { test: (value) => /^[a-z]{2}$/.test(value), expected: "a two-letter country code such as GB" },
};

/**
 * An entry as the list stores it: trimmed and lowercased (membership compares case-insensitively,
 * as rules do), and checked to be the kind of value the list holds.
 */
export function normaliseListEntry(kind: FraudListKind, raw: string): string {
  const value = raw.trim().toLowerCase();
  const check = CHECKS[kind];
  if (!value || value.length > 320 || !check.test(value)) {
    throw new AppError("BAD_REQUEST", `This list holds ${check.expected}.`, { path: ["value"] });
  }
  return value;
}
