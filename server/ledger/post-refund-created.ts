import type { Tx } from "../db/client";
import { expectReportingCategory, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import {
  type BalanceTransactionPosting,
  type BalanceTransactionPostingInput,
  postBalanceTransaction,
} from "./post-balance-transaction";

/**
 * A refund (or the released remainder of a partial capture): Dr refunds (gross), Cr Stripe balance
 * (net). Stripe keeps the original fee, so there is normally no fee line; a refund fee would be Dr fees.
 */
export async function postRefundCreated(
  tx: Tx,
  input: BalanceTransactionPostingInput,
): Promise<BalanceTransactionPosting> {
  expectReportingCategory(input.balanceTransaction, ["refund", "partial_capture_reversal"]);
  return postBalanceTransaction(tx, input, {
    kind: "refund_created",
    keySuffix: "refund",
    description: `Refund: ${sourceId(input.balanceTransaction) ?? input.balanceTransaction.id}`,
    counter: ACCOUNT.refunds,
    fee: ACCOUNT.processingFees,
  });
}
