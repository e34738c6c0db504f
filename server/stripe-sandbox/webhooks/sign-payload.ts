import { createHmac, randomBytes } from "node:crypto";

/** A fresh `whsec_` secret, one per endpoint. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("hex")}`;
}

/** Stripe-Signature: HMAC-SHA256 over `${t}.${body}` keyed with the whole whsec_ string, hex. */
export function signatureHeader(payload: string, secret: string, timestampSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestampSeconds}.${payload}`).digest("hex");
  return `t=${timestampSeconds},v1=${v1}`;
}
