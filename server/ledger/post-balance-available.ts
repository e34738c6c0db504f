import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { normalizeCurrency } from "../money";
import { checkBalanceTransaction, entersPendingBalance, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import { signedLine } from "./journal-entry";
import { type PostingResult, postEntry } from "./post-entry";

export type BalanceAvailableInput = {
  balanceTransaction: Stripe.BalanceTransaction;
  orderId?: string | null;
  stripeEventId?: string | null;
};

/**
 * Moves a balance transaction's net from the pending to the available Stripe balance once Stripe
 * reports it available. Transactions that were never pending post nothing (null).
 */
export async function postBalanceAvailable(tx: Tx, input: BalanceAvailableInput): Promise<PostingResult | null> {
  const { balanceTransaction } = input;
  checkBalanceTransaction(balanceTransaction);
  if (balanceTransaction.status !== "available") {
    throw new AppError(
      "BAD_REQUEST",
      `Balance transaction ${balanceTransaction.id} is still ${balanceTransaction.status}`,
    );
  }
  if (!entersPendingBalance(balanceTransaction) || balanceTransaction.net === 0) return null;
  const currency = normalizeCurrency(balanceTransaction.currency);
  const net = BigInt(balanceTransaction.net);
  return postEntry(tx, {
    idempotencyKey: `${balanceTransaction.id}:available`,
    kind: "balance_available",
    description: `Funds available: ${balanceTransaction.description ?? balanceTransaction.id}`,
    // Effective when Stripe made it available, so balances at a past instant match Stripe's then.
    occurredAt: new Date(balanceTransaction.available_on * 1000),
    source: {
      stripeBalanceTransactionId: balanceTransaction.id,
      stripeObjectId: sourceId(balanceTransaction),
      stripeEventId: input.stripeEventId,
      orderId: input.orderId,
    },
    lines: [
      ...signedLine(ACCOUNT.stripeAvailable, currency, net),
      ...signedLine(ACCOUNT.stripePending, currency, -net),
    ],
  });
}
