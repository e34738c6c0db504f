// A small model of a Stripe account's balance for ledger tests: it issues the balance transactions
// Stripe would (charges pending until available, refunds and disputes negative, payouts from the
// available balance) and keeps Stripe's balance as Stripe defines it: the sum of `net` by status.
import type Stripe from "stripe";
import { balanceTransaction, stripeCardFee } from "./test-fixtures";

export type Operation =
  | { op: "pay"; amount: number; bypassPending: boolean }
  | { op: "makeAvailable"; pick: number }
  | { op: "refund"; pick: number; amount: number }
  | { op: "failRefund"; pick: number }
  | { op: "dispute"; pick: number }
  | { op: "winDispute"; pick: number; feeReturned: boolean }
  | { op: "loseDispute"; pick: number }
  | { op: "payout"; amount: number }
  | { op: "payoutPaid"; pick: number }
  | { op: "payoutFailed"; pick: number };

type Payout = { id: string; amount: number; currency: string; arrival_date: number };

export const LEDGER_EVENT_TYPES = [
  "captured",
  "available",
  "refunded",
  "refundFailed",
  "disputeWithdrawn",
  "disputeReinstated",
  "payoutCreated",
  "payoutPaid",
  "payoutFailed",
] as const;

/** What a webhook handler would hand the ledger, with the object as it was when the event was sent. */
export type LedgerEvent =
  | {
      type: "captured" | "refunded" | "refundFailed" | "disputeWithdrawn" | "disputeReinstated";
      bt: Stripe.BalanceTransaction;
    }
  | { type: "available"; bt: Stripe.BalanceTransaction }
  | { type: "payoutCreated"; payout: Payout; bt: Stripe.BalanceTransaction }
  | { type: "payoutPaid"; payout: Payout }
  | { type: "payoutFailed"; payout: Payout; bt: Stripe.BalanceTransaction };

type Charge = {
  bt: Stripe.BalanceTransaction;
  refunded: number;
  disputed: boolean;
  disputeId?: string;
  disputeOpen: boolean;
};

export class StripeAccountModel {
  readonly events: LedgerEvent[] = [];
  private readonly transactions: Stripe.BalanceTransaction[] = [];
  private readonly charges: Charge[] = [];
  private readonly refunds: { bt: Stripe.BalanceTransaction; failed: boolean }[] = [];
  private readonly payouts: { payout: Payout; status: "in_transit" | "paid" | "failed" }[] = [];
  private clock = Math.floor(Date.UTC(2026, 9, 1) / 1000);

  /** `secondsPerOperation`: how far the clock moves per operation, so a sequence can span days. */
  constructor(
    readonly currency: string,
    private readonly secondsPerOperation = 60,
  ) {}

  balance(): { pending: number; available: number } {
    const sum = (status: string) => this.transactions.filter((t) => t.status === status).reduce((s, t) => s + t.net, 0);
    return { pending: sum("pending"), available: sum("available") };
  }

  apply(operation: Operation): void {
    this.clock += this.secondsPerOperation;
    const pick = <T>(items: T[], index: number): T | undefined =>
      items.length ? items[index % items.length] : undefined;
    switch (operation.op) {
      case "pay": {
        const bt = this.issue(
          operation.amount,
          stripeCardFee(operation.amount),
          "charge",
          "charge",
          !operation.bypassPending,
        );
        this.charges.push({ bt, refunded: 0, disputed: false, disputeOpen: false });
        this.events.push({ type: "captured", bt });
        if (bt.status === "available") this.events.push({ type: "available", bt });
        return;
      }
      case "makeAvailable": {
        const pending = this.transactions.filter((t) => t.status === "pending");
        const bt = pick(pending, operation.pick);
        if (!bt) return;
        bt.status = "available";
        this.events.push({ type: "available", bt: { ...bt } });
        return;
      }
      case "refund": {
        const charge = pick(this.charges, operation.pick);
        const amount = charge ? Math.min(operation.amount, charge.bt.amount - charge.refunded) : 0;
        if (!charge || charge.disputed || amount <= 0) return;
        charge.refunded += amount;
        const bt = this.issue(-amount, 0, "refund", "refund", false);
        this.refunds.push({ bt, failed: false });
        this.events.push({ type: "refunded", bt });
        return;
      }
      case "failRefund": {
        const refund = pick(
          this.refunds.filter((r) => !r.failed),
          operation.pick,
        );
        if (!refund) return;
        refund.failed = true;
        this.events.push({
          type: "refundFailed",
          bt: this.issue(-refund.bt.amount, 0, "refund_failure", "refund_failure", false),
        });
        return;
      }
      case "dispute": {
        const charge = pick(
          this.charges.filter((c) => !c.disputed && c.bt.amount > c.refunded),
          operation.pick,
        );
        if (!charge) return;
        charge.disputed = true;
        charge.disputeOpen = true;
        const bt = this.issue(-(charge.bt.amount - charge.refunded), 1500, "adjustment", "dispute", false);
        charge.disputeId = bt.id;
        this.events.push({ type: "disputeWithdrawn", bt });
        return;
      }
      case "winDispute": {
        const charge = pick(
          this.charges.filter((c) => c.disputeOpen),
          operation.pick,
        );
        if (!charge) return;
        charge.disputeOpen = false;
        const amount = charge.bt.amount - charge.refunded;
        const fee = operation.feeReturned ? -1500 : 0;
        this.events.push({
          type: "disputeReinstated",
          bt: this.issue(amount, fee, "adjustment", "dispute_reversal", false),
        });
        return;
      }
      case "loseDispute": {
        // A lost chargeback moves no more money: the withdrawal already took it.
        const charge = pick(
          this.charges.filter((c) => c.disputeOpen),
          operation.pick,
        );
        if (charge) charge.disputeOpen = false;
        return;
      }
      case "payout": {
        const amount = Math.min(operation.amount, this.balance().available);
        if (amount <= 0) return;
        const payout = {
          id: `po_model${this.payouts.length}${this.currency}`,
          amount,
          currency: this.currency,
          arrival_date: this.clock + 86_400,
        };
        this.payouts.push({ payout, status: "in_transit" });
        this.events.push({ type: "payoutCreated", payout, bt: this.issue(-amount, 0, "payout", "payout", false) });
        return;
      }
      case "payoutPaid":
      case "payoutFailed": {
        // Stripe can report a payout paid and fail it later, but never the reverse.
        const open = operation.op === "payoutPaid" ? ["in_transit"] : ["in_transit", "paid"];
        const entry = pick(
          this.payouts.filter((p) => open.includes(p.status)),
          operation.pick,
        );
        if (!entry) return;
        if (operation.op === "payoutPaid") {
          entry.status = "paid";
          this.events.push({ type: "payoutPaid", payout: entry.payout });
        } else {
          entry.status = "failed";
          const bt = this.issue(entry.payout.amount, 0, "payout_failure", "payout_reversal", false);
          this.events.push({ type: "payoutFailed", payout: entry.payout, bt });
        }
        return;
      }
    }
  }

  private issue(amount: number, fee: number, type: Stripe.BalanceTransaction.Type, category: string, pending: boolean) {
    const bt = balanceTransaction({
      amount,
      fee,
      type,
      reporting_category: category,
      currency: this.currency,
      created: this.clock,
      available_on: pending ? this.clock + 2 * 86_400 : this.clock,
    });
    this.transactions.push(bt);
    return { ...bt };
  }
}
