import { createHmac, timingSafeEqual } from "node:crypto";

/** Stripe's default: a signature older than five minutes is refused (a replayed capture). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * The same check as stripe-node's `webhooks.constructEvent`, without parsing the body: HMAC-SHA256
 * of `${t}.${payload}` keyed with the whole whsec_ string, any `v1` may match (several while a
 * secret is being rolled), and only a signature older than the tolerance is refused.
 */
export function verifyStripeSignature(
  payload: Buffer,
  header: string | null,
  secrets: readonly string[],
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: "missing Stripe-Signature header" };
  let timestamp = -1;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === "t") timestamp = /^\d+$/.test(value) ? Number(value) : -1;
    else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, "hex"));
  }
  if (timestamp < 0 || signatures.length === 0) {
    return { ok: false, reason: "Stripe-Signature header has no timestamp or no v1 signature" };
  }
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`), payload]);
  const matches = secrets.some((secret) => {
    const expected = createHmac("sha256", secret).update(signed).digest();
    return signatures.some((signature) => timingSafeEqual(expected, signature));
  });
  if (!matches) return { ok: false, reason: "no signature matches the payload" };
  if (nowSeconds - timestamp > toleranceSeconds) return { ok: false, reason: "timestamp outside the tolerance zone" };
  return { ok: true };
}
