import type { Tx } from "../db/client";
import { expectReportingCategory, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import {
  type BalanceTransactionPosting,
  type BalanceTransactionPostingInput,
  postBalanceTransaction,
} from "./post-balance-transaction";

/**
 * A chargeback's withdrawal (one balance transaction for amount and fee): Dr dispute losses (disputed
 * amount), Dr dispute fees (fee), Cr Stripe balance (net). A won dispute reverses the loss later.
 */
export async function postDisputeFundsWithdrawn(
  tx: Tx,
  input: BalanceTransactionPostingInput,
): Promise<BalanceTransactionPosting> {
  expectReportingCategory(input.balanceTransaction, ["dispute"]);
  return postBalanceTransaction(tx, input, {
    kind: "dispute_funds_withdrawn",
    keySuffix: "dispute_withdrawn",
    description: `Dispute funds withdrawn: ${sourceId(input.balanceTransaction) ?? input.balanceTransaction.id}`,
    counter: ACCOUNT.disputeLosses,
    fee: ACCOUNT.disputeFees,
  });
}
