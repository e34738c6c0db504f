import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors";

const VERSION = "v1";
const AAD = Buffer.from("payops-accounting-connection");

/** The 32-byte key from ACCOUNTING_ENCRYPTION_KEY (64 hex digits or base64). */
export function accountingKey(value: string | undefined): Buffer {
  if (!value) {
    throw new AppError(
      "UNPROCESSABLE",
      "ACCOUNTING_ENCRYPTION_KEY is not set: accounting connections keep their tokens encrypted and need it",
    );
  }
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new AppError("UNPROCESSABLE", "ACCOUNTING_ENCRYPTION_KEY must be 32 bytes");
  return key;
}

/** Seals a secret with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`, base64url parts, a fresh IV each time. */
export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

/** Opens a sealed secret; a wrong key or a tampered value throws rather than returning garbage. */
export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("sealed secret has an unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(AAD);
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
