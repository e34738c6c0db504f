import { createHash, randomBytes } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

/** One 30-second step either side of now: a phone's clock may be a little off. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: "PayOps", label: email, secret });
}

/** The code an authenticator shows for `secret` now (for the development accounts' helper and tests). */
export function currentTotpCode(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * The time step a six-digit code belongs to, or null. Steps at or before `afterStep` (the last
 * code accepted) are refused, so a code seen over someone's shoulder cannot be replayed.
 */
export async function totpCodeStep(
  secret: string,
  code: string,
  afterStep: number | null,
  now = new Date(),
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** Ten single-use recovery codes, e.g. `7KQ4-MZ2P-XC`, random enough that a plain hash keeps them. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`payops-recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}
