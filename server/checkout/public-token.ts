import { randomBytes } from "node:crypto";

/** 24 random bytes: the order's address for the customer, unguessable and unrelated to its id. */
export function newPublicToken(): string {
  return randomBytes(24).toString("base64url");
}

export function looksLikePublicToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(value);
}
