import type Stripe from "stripe";

/**
 * Fetches a refund as the sync needs it, with its balance transactions as objects for the ledger.
 * Webhook payloads are used only for the id: the refund is re-read, so a late event cannot carry
 * an old state in. The failure transaction is fetched on its own because it is usually null.
 */
export async function retrieveRefundForSync(stripe: Stripe, refundId: string): Promise<Stripe.Refund> {
  const refund = await stripe.refunds.retrieve(refundId, { expand: ["balance_transaction"] });
  const failure = refund.failure_balance_transaction;
  if (typeof failure === "string") {
    refund.failure_balance_transaction = await stripe.balanceTransactions.retrieve(failure);
  }
  return refund;
}
