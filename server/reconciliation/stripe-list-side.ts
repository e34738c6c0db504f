import type Stripe from "stripe";
import { idOf } from "../stripe/expandable";
import type { StagedBalanceTransaction, StagedPayout, StagedPayoutTransaction } from "./staged-rows";
import { PAYOUT_LOOKBACK_SECONDS, type SecondsWindow, type StripeSide } from "./stripe-side";

function staged(bt: Stripe.BalanceTransaction): StagedBalanceTransaction {
  return {
    id: bt.id,
    sourceId: idOf(bt.source),
    type: bt.type,
    reportingCategory: bt.reporting_category,
    amount: bt.amount,
    fee: bt.fee,
    net: bt.net,
    currency: bt.currency,
    status: bt.status,
    created: bt.created,
    availableOn: bt.available_on,
  };
}

/** Whether Stripe can list the transactions of a payout yet (automatic payouts, once reconciled). */
export function payoutIsReconcilable(payout: StagedPayout): boolean {
  return payout.automatic && payout.reconciliationStatus === "completed";
}

/** Stripe's side through the list API with auto-pagination: fine for a day or a month of a small shop. */
export function stripeListSide(stripe: Stripe): StripeSide {
  return {
    name: "list",
    async *balanceTransactions(window: SecondsWindow) {
      const list = stripe.balanceTransactions.list({ created: { gte: window.from, lt: window.to }, limit: 100 });
      for await (const bt of list) yield staged(bt);
    },
    async *payouts(window: SecondsWindow) {
      const list = stripe.payouts.list({
        created: { gte: window.from - PAYOUT_LOOKBACK_SECONDS, lt: window.to },
        limit: 100,
      });
      for await (const payout of list) {
        yield {
          id: payout.id,
          amount: payout.amount,
          currency: payout.currency,
          status: payout.status,
          automatic: payout.automatic,
          reconciliationStatus: payout.reconciliation_status,
          arrivalDate: payout.arrival_date,
          traceId: payout.trace_id?.value ?? null,
          statementDescriptor: payout.statement_descriptor,
          created: payout.created,
          balanceTransactionId: idOf(payout.balance_transaction),
        } satisfies StagedPayout;
      }
    },
    async *payoutTransactions(payouts: StagedPayout[]) {
      for (const payout of payouts.filter(payoutIsReconcilable)) {
        for await (const bt of stripe.balanceTransactions.list({ payout: payout.id, limit: 100 })) {
          yield {
            payoutId: payout.id,
            id: bt.id,
            sourceId: idOf(bt.source),
            type: bt.type,
            net: bt.net,
            currency: bt.currency,
          } satisfies StagedPayoutTransaction;
        }
      }
    },
  };
}
