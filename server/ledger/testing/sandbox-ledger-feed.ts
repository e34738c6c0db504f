// Test support: watches a Stripe account (the sandbox) through its API and turns what changed into
// the ledger events a webhook handler would post, each carrying the object as it was when seen.
import type Stripe from "stripe";
import type { LedgerEvent } from "./stripe-account-model";

const EVENT_BY_CATEGORY: Record<
  string,
  Exclude<LedgerEvent["type"], "available" | "payoutCreated" | "payoutPaid" | "payoutFailed">
> = {
  charge: "captured",
  refund: "refunded",
  partial_capture_reversal: "refunded",
  refund_failure: "refundFailed",
  dispute: "disputeWithdrawn",
  dispute_reversal: "disputeReinstated",
};

export class SandboxLedgerFeed {
  readonly events: LedgerEvent[] = [];
  private readonly seenTransactions = new Map<string, string>();
  private readonly seenPayouts = new Map<string, string>();

  constructor(
    private readonly stripe: Stripe,
    readonly currency: string,
  ) {}

  /** Lists the account's balance transactions and payouts and records an event for each change. */
  async observe(): Promise<void> {
    const transactions: Stripe.BalanceTransaction[] = [];
    for await (const bt of this.stripe.balanceTransactions.list({ currency: this.currency, limit: 100 }))
      transactions.push(bt);
    // Lists are newest first; events go out oldest first.
    for (const bt of transactions.reverse()) {
      const seen = this.seenTransactions.get(bt.id);
      if (seen === bt.status) continue;
      this.seenTransactions.set(bt.id, bt.status);
      if (seen === undefined) await this.recordNew(bt);
      if (bt.status === "available") this.events.push({ type: "available", bt });
    }
    for await (const payout of this.stripe.payouts.list({ limit: 100 })) {
      if (payout.currency !== this.currency || this.seenPayouts.get(payout.id) === payout.status) continue;
      this.seenPayouts.set(payout.id, payout.status);
      if (payout.status === "paid") this.events.push({ type: "payoutPaid", payout });
    }
  }

  private async recordNew(bt: Stripe.BalanceTransaction): Promise<void> {
    const type = EVENT_BY_CATEGORY[bt.reporting_category];
    if (type) {
      this.events.push({ type, bt });
      return;
    }
    const payout = await this.stripe.payouts.retrieve(bt.source as string);
    if (bt.type === "payout") this.events.push({ type: "payoutCreated", payout, bt });
    else this.events.push({ type: "payoutFailed", payout, bt });
  }

  async balance(): Promise<{ pending: number; available: number }> {
    const balance = await this.stripe.balance.retrieve();
    const amount = (entries: { currency: string; amount: number }[]) =>
      entries.find((entry) => entry.currency === this.currency)?.amount ?? 0;
    return { pending: amount(balance.pending), available: amount(balance.available) };
  }
}
