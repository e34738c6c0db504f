import { createHmac, createSecretKey, type KeyObject, randomBytes } from "node:crypto";

/** A fresh `whsec_` secret, one per endpoint. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("hex")}`;
}

/** Stripe-Signature: HMAC-SHA256 over `${t}.${body}` keyed with the whole whsec_ string, hex. */
const keys = new Map<string, KeyObject>();

export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  const v1 = createHmac("sha256", key).update(`${timestampSeconds}.`).update(payload).digest("hex");
  return `t=${timestampSeconds},v1=${v1}`;
}
