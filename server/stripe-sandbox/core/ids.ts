import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes are drawn in blocks: one system call per few hundred ids instead of one per id.
let pool = Buffer.alloc(0);
let offset = 0;

function take(length: number): Buffer {
  if (offset + length > pool.length) {
    pool = randomBytes(8192);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + length);
  offset += length;
  return bytes;
}

/** Random base62 text; Stripe ids carry 24 such characters after the prefix. */
export function randomToken(length: number): string {
  let out = "";
  for (const byte of take(length)) out += ALPHABET[byte % 62];
  return out;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}
