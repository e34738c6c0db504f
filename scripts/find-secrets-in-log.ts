import { DEVELOPMENT_STAFF } from "../server/auth/development-staff";

/** Shapes that are secrets wherever they appear: session cookies, Stripe signatures and keys, card numbers. */
const SECRET_SHAPES: [label: string, pattern: RegExp][] = [
  ["a session cookie", /next-auth\.session-token=[^;\s"]{20,}/],
  ["a Stripe-Signature value", /t=\d{9,},v1=[0-9a-f]{64}/],
  ["a webhook signing secret", /whsec_[A-Za-z0-9]{16,}/],
  ["a Stripe secret key", /\b[sr]k_(test|live)_[A-Za-z0-9]{10,}/],
  ["a card number", /\b4(?:242|000)[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b/],
  ["a bearer token", /Bearer [A-Za-z0-9._~+/-]{16,}/],
];

/** Every secret found in a log: known passwords verbatim, and anything shaped like a secret. */
export function findSecretsInLog(log: string, knownSecrets: string[] = DEVELOPMENT_STAFF.map((m) => m.password)) {
  const found: string[] = [];
  for (const secret of knownSecrets) if (log.includes(secret)) found.push(`the password ${secret}`);
  for (const [label, pattern] of SECRET_SHAPES) {
    const match = pattern.exec(log);
    if (match) found.push(`${label} (${match[0].slice(0, 24)}…)`);
  }
  return found;
}
