import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { expectReportingCategory } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import { type BalanceTransactionPosting, postBalanceTransaction } from "./post-balance-transaction";

export type PayoutCreatedInput = {
  payout: Pick<Stripe.Payout, "id">;
  /** The payout's own balance transaction (type `payout`, negative). */
  balanceTransaction: Stripe.BalanceTransaction;
  stripeEventId?: string | null;
};

/** Funds leave the Stripe balance for the bank: Dr payouts in transit (gross), Dr fees (instant payout fee), Cr Stripe balance (net). */
export async function postPayoutCreated(tx: Tx, input: PayoutCreatedInput): Promise<BalanceTransactionPosting> {
  const { payout, balanceTransaction } = input;
  expectReportingCategory(balanceTransaction, ["payout"]);
  if (!payout.id.startsWith("po_")) throw new AppError("BAD_REQUEST", `"${payout.id}" is not a payout id`);
  return postBalanceTransaction(
    tx,
    { balanceTransaction, stripeEventId: input.stripeEventId },
    {
      kind: "payout_created",
      keySuffix: "payout_created",
      description: `Payout created: ${payout.id}`,
      counter: ACCOUNT.payoutsInTransit,
      fee: ACCOUNT.processingFees,
      stripeObjectId: payout.id,
    },
  );
}
