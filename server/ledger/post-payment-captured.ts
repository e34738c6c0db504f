import type { Tx } from "../db/client";
import { expectReportingCategory, sourceId } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import {
  type BalanceTransactionPosting,
  type BalanceTransactionPostingInput,
  postBalanceTransaction,
} from "./post-balance-transaction";

/** A captured charge: Dr Stripe balance (net), Dr processing fees (fee), Cr sales revenue (gross). */
export async function postPaymentCaptured(
  tx: Tx,
  input: BalanceTransactionPostingInput,
): Promise<BalanceTransactionPosting> {
  expectReportingCategory(input.balanceTransaction, ["charge"]);
  return postBalanceTransaction(tx, input, {
    kind: "payment_captured",
    keySuffix: "captured",
    description: `Payment captured: ${sourceId(input.balanceTransaction) ?? input.balanceTransaction.id}`,
    counter: ACCOUNT.salesRevenue,
    fee: ACCOUNT.processingFees,
  });
}
