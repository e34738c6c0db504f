import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { normalizeCurrency } from "../money";
import { checkBalanceTransaction, occurredAt, stripeBalanceAccount } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import { signedLine } from "./journal-entry";
import { hasPosting, lockStripeObject } from "./lock-stripe-object";
import { postBalanceAvailable } from "./post-balance-available";
import { type PostingResult, postEntry } from "./post-entry";
import { payoutFailedKey, payoutPaidKey } from "./post-payout-paid";

export type PayoutFailedInput = {
  payout: Pick<Stripe.Payout, "id" | "amount" | "currency">;
  /** The payout's `failure_balance_transaction` (type `payout_failure` or `payout_cancel`, positive). */
  failureBalanceTransaction: Stripe.BalanceTransaction;
  stripeEventId?: string | null;
};

export type PayoutFailedPosting = {
  entry: PostingResult;
  /** Reverses the bank deposit when the payout had been posted as paid first. */
  paidReversal: PostingResult | null;
  available: PostingResult | null;
};

/**
 * The payout failed or was canceled and its funds came back: Dr Stripe balance, Cr payouts in transit.
 * Stripe can report a payout paid and later failed; if its `paid` was posted, that deposit is reversed.
 */
export async function postPayoutFailed(tx: Tx, input: PayoutFailedInput): Promise<PayoutFailedPosting> {
  const { payout, failureBalanceTransaction: failure } = input;
  checkBalanceTransaction(failure);
  if (!["payout_failure", "payout_cancel"].includes(failure.type)) {
    throw new AppError("BAD_REQUEST", `Balance transaction ${failure.id} is a ${failure.type}, not a payout failure`);
  }
  if (!payout.id.startsWith("po_")) throw new AppError("BAD_REQUEST", `"${payout.id}" is not a payout id`);
  await lockStripeObject(tx, payout.id);
  const currency = normalizeCurrency(failure.currency);
  const entry = await postEntry(tx, {
    idempotencyKey: payoutFailedKey(payout.id),
    kind: "payout_failed",
    description: `Payout failed: ${payout.id}`,
    occurredAt: occurredAt(failure),
    source: { stripeBalanceTransactionId: failure.id, stripeObjectId: payout.id, stripeEventId: input.stripeEventId },
    lines: [
      ...signedLine(stripeBalanceAccount(failure), currency, BigInt(failure.net)),
      ...signedLine(ACCOUNT.processingFees, currency, BigInt(failure.fee)),
      ...signedLine(ACCOUNT.payoutsInTransit, currency, -BigInt(failure.amount)),
    ],
  });
  const paidReversal = (await hasPosting(tx, payoutPaidKey(payout.id)))
    ? await postEntry(tx, {
        idempotencyKey: `${payout.id}:paid_reversed`,
        kind: "payout_paid_reversed",
        description: `Payout returned by the bank: ${payout.id}`,
        occurredAt: occurredAt(failure),
        source: { stripeObjectId: payout.id, stripeEventId: input.stripeEventId },
        lines: [
          ...signedLine(ACCOUNT.payoutsInTransit, normalizeCurrency(payout.currency), BigInt(payout.amount)),
          ...signedLine(ACCOUNT.bank, normalizeCurrency(payout.currency), -BigInt(payout.amount)),
        ],
      })
    : null;
  const available =
    failure.status === "available"
      ? await postBalanceAvailable(tx, { balanceTransaction: failure, stripeEventId: input.stripeEventId })
      : null;
  return { entry, paidReversal, available };
}
