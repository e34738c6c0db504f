import { createHash } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function digest(connectionId: string, journalKey: string): Buffer {
  return createHash("sha256").update(`${connectionId}\u0000${journalKey}`).digest();
}

/**
 * The keys a journal carries to the target, derived from the connection and the journal's key so a
 * retry, a second worker or a re-run after a crash always sends the same ones.
 * - `reference` (19 characters): QuickBooks `DocNumber` (at most 21) and the tag in Xero's narration,
 *   by which PayOps finds a journal the target already has before posting again.
 * - `idempotencyKey` (47 characters): QuickBooks `requestid` (at most 50) and Xero's
 *   `Idempotency-Key` header (at most 128).
 */
export function journalReference(
  connectionId: string,
  journalKey: string,
): { reference: string; idempotencyKey: string } {
  const hash = digest(connectionId, journalKey);
  let bits = "";
  for (const byte of hash.subarray(0, 10)) bits += byte.toString(2).padStart(8, "0");
  let code = "";
  for (let i = 0; i + 5 <= bits.length && code.length < 16; i += 5)
    code += BASE32[Number.parseInt(bits.slice(i, i + 5), 2)];
  return { reference: `PY-${code}`, idempotencyKey: `payops-${hash.toString("hex").slice(0, 40)}` };
}
