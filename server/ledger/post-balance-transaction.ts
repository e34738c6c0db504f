import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { balanceTransactionLines, occurredAt, sourceId } from "./balance-transaction-lines";
import type { JournalSource, LedgerEntryKind } from "./journal-entry";
import { postBalanceAvailable } from "./post-balance-available";
import { type PostingResult, postEntry } from "./post-entry";

/** What every posting from a Stripe balance transaction may carry besides the transaction itself. */
export type BalanceTransactionPostingInput = {
  balanceTransaction: Stripe.BalanceTransaction;
  orderId?: string | null;
  paymentIntentId?: string | null;
  stripeEventId?: string | null;
  /** The order's currency, for the record; the ledger posts in the balance transaction's (settlement) currency. */
  currency?: string;
};

export type BalanceTransactionPosting = {
  entry: PostingResult;
  /** The pending → available move, when Stripe already reports the funds available. */
  available: PostingResult | null;
};

/**
 * Posts a balance transaction's entry and, if its funds are already available, the move to the
 * available balance too, so one call leaves the ledger where Stripe's balance is.
 */
export async function postBalanceTransaction(
  tx: Tx,
  input: BalanceTransactionPostingInput,
  posting: {
    kind: LedgerEntryKind;
    keySuffix: string;
    description: string;
    counter: string;
    fee: string;
    /** Overrides the balance transaction's `source`, e.g. the payout a payout failure belongs to. */
    stripeObjectId?: string;
  },
): Promise<BalanceTransactionPosting> {
  const { balanceTransaction } = input;
  const source: JournalSource = {
    stripeBalanceTransactionId: balanceTransaction.id,
    stripeObjectId: posting.stripeObjectId ?? sourceId(balanceTransaction),
    stripePaymentIntentId: input.paymentIntentId,
    stripeEventId: input.stripeEventId,
    orderId: input.orderId,
  };
  const entry = await postEntry(tx, {
    idempotencyKey: `${balanceTransaction.id}:${posting.keySuffix}`,
    kind: posting.kind,
    description: posting.description,
    occurredAt: occurredAt(balanceTransaction),
    source,
    lines: balanceTransactionLines(balanceTransaction, { counter: posting.counter, fee: posting.fee }),
  });
  const available =
    balanceTransaction.status === "available"
      ? await postBalanceAvailable(tx, {
          balanceTransaction,
          orderId: input.orderId,
          stripeEventId: input.stripeEventId,
        })
      : null;
  return { entry, available };
}
