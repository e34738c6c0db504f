import type { Tx } from "../db/client";
import { expectReportingCategory, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import {
  type BalanceTransactionPosting,
  type BalanceTransactionPostingInput,
  postBalanceTransaction,
} from "./post-balance-transaction";

/**
 * A won dispute's reinstatement: Dr Stripe balance (net), Cr dispute losses (amount). Whether the
 * dispute fee comes back differs by era and pricing, so it is read from the transaction's own fee
 * (a negative fee credits dispute fees) rather than assumed.
 */
export async function postDisputeFundsReinstated(
  tx: Tx,
  input: BalanceTransactionPostingInput,
): Promise<BalanceTransactionPosting> {
  expectReportingCategory(input.balanceTransaction, ["dispute_reversal"]);
  return postBalanceTransaction(tx, input, {
    kind: "dispute_funds_reinstated",
    keySuffix: "dispute_reinstated",
    description: `Dispute funds reinstated: ${sourceId(input.balanceTransaction) ?? input.balanceTransaction.id}`,
    counter: ACCOUNT.disputeLosses,
    fee: ACCOUNT.disputeFees,
  });
}
