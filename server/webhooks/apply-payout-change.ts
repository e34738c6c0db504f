import type Stripe from "stripe";
import { postPayoutCreated, postPayoutFailed, postPayoutPaid } from "../ledger";
import type { PreparedChange } from "./stripe-event-handler";

/** The payout as Stripe reports it now, with the balance transactions the ledger posts from. */
export function retrievePayout(stripe: Stripe, payoutId: string): Promise<Stripe.Payout> {
  return stripe.payouts.retrieve(payoutId, { expand: ["balance_transaction", "failure_balance_transaction"] });
}

function expanded(value: string | Stripe.BalanceTransaction | null): Stripe.BalanceTransaction | null {
  return value && typeof value === "object" ? value : null;
}

/**
 * Posts what the payout's current state implies. Each posting is keyed by the payout, so a
 * duplicate, a replay or an event arriving after a later one posts nothing twice; `paid` after a
 * posted failure is refused by the ledger itself.
 */
export function preparePayoutChange(payout: Stripe.Payout): PreparedChange {
  return async (tx, cause) => {
    const stripeEventId = "stripeEventId" in cause ? cause.stripeEventId : null;
    const balanceTransaction = expanded(payout.balance_transaction);
    if (!balanceTransaction) return "recorded";
    await postPayoutCreated(tx, { payout, balanceTransaction, stripeEventId });
    if (payout.status === "paid") {
      return (await postPayoutPaid(tx, { payout, stripeEventId })) ? "applied" : "stale";
    }
    const failureBalanceTransaction = expanded(payout.failure_balance_transaction);
    if ((payout.status === "failed" || payout.status === "canceled") && failureBalanceTransaction) {
      await postPayoutFailed(tx, { payout, failureBalanceTransaction, stripeEventId });
    }
    return "applied";
  };
}
