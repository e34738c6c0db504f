import type { Tx } from "../db/client";

/**
 * Serialises postings about one Stripe object until the caller commits, for postings whose lines
 * depend on what was posted before (a payout paid, then failed).
 */
export async function lockStripeObject(tx: Tx, stripeObjectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ledger:${stripeObjectId}`}, 0))`;
}

export async function hasPosting(tx: Tx, idempotencyKey: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "ledger_transactions" WHERE "idempotency_key" = ${idempotencyKey}`;
  return rows.length > 0;
}
