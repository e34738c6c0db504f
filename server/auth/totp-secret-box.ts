import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./auth-config";

/**
 * TOTP keys are stored encrypted (AES-256-GCM, a key derived from AUTH_SECRET), so a copy of the
 * database alone cannot mint codes. Rotating AUTH_SECRET therefore means enrolling again.
 */
function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "payops", "totp-secret-box", 32));
}

export function sealTotpSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), sealed.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(
    ".",
  );
}

export function openTotpSecret(box: string): string {
  const [version, iv, sealed, tag] = box.split(".");
  if (version !== "v1" || !iv || !sealed || !tag) throw new Error("not a sealed TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}
