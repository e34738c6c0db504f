// Discrepancies a merchant meets when reconciling, produced on demand through the control API so
// reconciliation can be tested against each one.
import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { invalidRequest, resourceMissing } from "../http/errors";
import { noteReleaseAt } from "./balance";

function balanceTransaction(sb: Sandbox, id: string): Stripe.BalanceTransaction {
  const transaction = sb.state.balanceTransactions[id];
  if (!transaction) throw resourceMissing("balance_transaction", id);
  return transaction;
}

/** Stripe's record of the fee becomes `fee` (net follows), as when the price applied was not the expected one. */
export function setBalanceTransactionFee(sb: Sandbox, id: string, fee: number): Stripe.BalanceTransaction {
  const transaction = balanceTransaction(sb, id);
  if (sb.state.balanceTransactionPayout[id]) {
    throw invalidRequest(`Balance transaction ${id} has already been paid out; change its fee before the payout.`);
  }
  transaction.fee = fee;
  transaction.net = transaction.amount - fee;
  transaction.fee_details = [
    {
      amount: fee,
      application: null,
      currency: transaction.currency,
      description: "Stripe processing fees",
      type: "stripe_fee",
    },
  ];
  sb.touch();
  return transaction;
}

/** A second balance transaction for the same movement (same source, amounts and category), with a new id. */
export function duplicateBalanceTransaction(sb: Sandbox, id: string): Stripe.BalanceTransaction {
  const original = balanceTransaction(sb, id);
  const copy: Stripe.BalanceTransaction = { ...structuredClone(original), id: newId("txn") };
  sb.state.balanceTransactions[copy.id] = copy;
  if (copy.status === "pending") noteReleaseAt(sb.state, copy.available_on);
  sb.touch();
  return copy;
}

/** The payout keeps its amount but its listing stops showing one transaction it carried. */
export function omitFromPayoutListing(sb: Sandbox, payoutId: string, transactionId: string): Stripe.Payout {
  const payout = sb.state.payouts[payoutId];
  if (!payout) throw resourceMissing("payout", payoutId);
  const transaction = balanceTransaction(sb, transactionId);
  if (sb.state.balanceTransactionPayout[transaction.id] !== payout.id || transaction.source === payout.id) {
    throw invalidRequest(`Balance transaction ${transaction.id} is not one that payout ${payout.id} carried.`);
  }
  sb.state.payoutListingOmissions[transaction.id] = payout.id;
  sb.touch();
  return payout;
}
