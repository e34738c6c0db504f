import Stripe from "stripe";
import { createPrismaClient } from "../server/db/client";
import { runReconciliation } from "../server/reconciliation/run-reconciliation";
import { stripeListSide } from "../server/reconciliation/stripe-list-side";
import { E2E_DATABASE_URL, E2E_SANDBOX_URL, sandboxControlHeaders } from "./e2e-env";
import { expect } from "./fixtures";
import { query } from "./refunds-helpers";

const sandbox = new URL(E2E_SANDBOX_URL);

type CapturedEntry = {
  balance_transaction_id: string;
  charge_id: string;
  occurred_at: Date;
  fee: string;
  currency: string;
};

/** The ledger's record of the order's capture, once the webhook pipeline has posted it. */
async function capturedEntry(orderId: string): Promise<CapturedEntry> {
  let entry: CapturedEntry | undefined;
  await expect
    .poll(
      async () => {
        [entry] = await query<CapturedEntry>(
          `SELECT t.stripe_balance_transaction_id AS balance_transaction_id, t.stripe_object_id AS charge_id,
                  t.occurred_at, l.amount_minor::text AS fee, l.currency
             FROM ledger_transactions t JOIN ledger_lines l ON l.transaction_id = t.id AND l.account_code = '6010'
            WHERE t.order_id = $1 AND t.kind = 'payment_captured'`,
          [orderId],
        );
        return entry?.balance_transaction_id ?? null;
      },
      { timeout: 30_000 },
    )
    .not.toBeNull();
  return entry!;
}

/**
 * Stripe changes its fee on the order's charge after PayOps recorded it, and a reconciliation run
 * over the minutes around the payment (the same run the nightly job makes) finds the difference.
 */
export async function feeDifferenceFor(
  orderId: string,
  extraFeeMinor: number,
): Promise<{ breakId: string; chargeId: string; currency: string }> {
  const entry = await capturedEntry(orderId);
  const changed = await fetch(`${E2E_SANDBOX_URL}/_sandbox/balance_transactions/${entry.balance_transaction_id}/fee`, {
    method: "POST",
    headers: sandboxControlHeaders(),
    body: JSON.stringify({ fee: Number(entry.fee) + extraFeeMinor }),
  });
  expect(changed.status).toBe(200);

  const stripe = new Stripe("sk_test_payops_sandbox", {
    host: sandbox.hostname,
    port: Number(sandbox.port),
    protocol: "http",
  });
  const prisma = createPrismaClient(E2E_DATABASE_URL);
  try {
    const moved = entry.occurred_at.getTime();
    await runReconciliation(
      { prisma, stripeSide: stripeListSide(stripe) },
      { from: new Date(moved - 60_000), to: new Date(moved + 60_000), trigger: "command" },
    );
  } finally {
    await prisma.$disconnect();
  }
  const [found] = await query<{ id: string }>(
    "SELECT id::text FROM reconciliation_breaks WHERE type = 'fee_mismatch' AND stripe_reference = $1",
    [entry.balance_transaction_id],
  );
  expect(found, `a fee difference on ${entry.balance_transaction_id}`).toBeDefined();
  return { breakId: found!.id, chargeId: entry.charge_id, currency: entry.currency };
}
