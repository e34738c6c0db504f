import type Stripe from "stripe";
import { postBalanceAvailable, postPayoutCreated, postPayoutFailed, postPayoutPaid } from "../ledger";
import { expandedOrNull } from "../stripe/expandable";
import type { PreparedChange } from "./stripe-event-handler";

export type PayoutFacts = {
  payout: Stripe.Payout;
  /** The balance transactions the payout carried: every one of them had become available. */
  carried: Stripe.BalanceTransaction[];
};

/** The payout as Stripe reports it now, with the balance transactions the ledger posts from. */
export async function retrievePayout(stripe: Stripe, payoutId: string): Promise<PayoutFacts> {
  const payout = await stripe.payouts.retrieve(payoutId, {
    expand: ["balance_transaction", "failure_balance_transaction"],
  });
  const carried: Stripe.BalanceTransaction[] = [];
  for await (const transaction of stripe.balanceTransactions.list({ payout: payoutId, limit: 100 })) {
    if (transaction.type !== "payout" && transaction.status === "available") carried.push(transaction);
  }
  return { payout, carried };
}

/**
 * Posts what the payout's current state implies. Each posting is keyed by the payout, so a
 * duplicate, a replay or an event arriving after a later one posts nothing twice; `paid` after a
 * posted failure is refused by the ledger itself.
 */
export function preparePayoutChange({ payout, carried }: PayoutFacts): PreparedChange {
  return async (tx, cause) => {
    const stripeEventId = "stripeEventId" in cause ? cause.stripeEventId : null;
    const balanceTransaction = expandedOrNull(payout.balance_transaction);
    if (!balanceTransaction) return "recorded";
    // Funds move from pending to available before they can be paid out; whatever the ledger has
    // not yet moved (no balance.available event names transactions) moves now, once each.
    for (const transaction of carried)
      await postBalanceAvailable(tx, { balanceTransaction: transaction, stripeEventId });
    await postPayoutCreated(tx, { payout, balanceTransaction, stripeEventId });
    if (payout.status === "paid") {
      return (await postPayoutPaid(tx, { payout, stripeEventId })) ? "applied" : "stale";
    }
    const failureBalanceTransaction = expandedOrNull(payout.failure_balance_transaction);
    if ((payout.status === "failed" || payout.status === "canceled") && failureBalanceTransaction) {
      await postPayoutFailed(tx, { payout, failureBalanceTransaction, stripeEventId });
    }
    return "applied";
  };
}
