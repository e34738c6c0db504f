import type { Tx } from "../db/client";
import { checkBalanceTransaction, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import {
  type BalanceTransactionPosting,
  type BalanceTransactionPostingInput,
  postBalanceTransaction,
} from "./post-balance-transaction";

/**
 * A balance transaction PayOps cannot classify yet (an adjustment, a Stripe billing fee…): the
 * Stripe balance still moves, so the ledger keeps matching Stripe, and the other side waits in suspense
 * until finance reclassifies it with a new entry.
 */
export async function postUnclassifiedBalanceTransaction(
  tx: Tx,
  input: BalanceTransactionPostingInput,
): Promise<BalanceTransactionPosting> {
  checkBalanceTransaction(input.balanceTransaction);
  const { balanceTransaction } = input;
  return postBalanceTransaction(tx, input, {
    kind: "unclassified",
    keySuffix: "unclassified",
    description: `Unclassified ${balanceTransaction.reporting_category}: ${sourceId(balanceTransaction) ?? balanceTransaction.id}`,
    counter: ACCOUNT.suspense,
    fee: ACCOUNT.suspense,
  });
}
