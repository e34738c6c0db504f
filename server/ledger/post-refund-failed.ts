import type { Tx } from "../db/client";
import { expectReportingCategory, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import {
  type BalanceTransactionPosting,
  type BalanceTransactionPostingInput,
  postBalanceTransaction,
} from "./post-balance-transaction";

/**
 * A refund that failed after it was made, from the refund's `failure_balance_transaction`: the
 * money comes back, reversing the refund (Dr Stripe balance, Cr refunds).
 */
export async function postRefundFailed(
  tx: Tx,
  input: BalanceTransactionPostingInput,
): Promise<BalanceTransactionPosting> {
  expectReportingCategory(input.balanceTransaction, ["refund_failure"]);
  return postBalanceTransaction(tx, input, {
    kind: "refund_failed",
    keySuffix: "refund_failed",
    description: `Refund failed: ${sourceId(input.balanceTransaction) ?? input.balanceTransaction.id}`,
    counter: ACCOUNT.refunds,
    fee: ACCOUNT.processingFees,
  });
}
