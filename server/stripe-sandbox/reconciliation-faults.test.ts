import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

describe("discrepancies on demand for reconciliation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      config: { timing: { chargeBalanceTransactionDelayMs: 0 }, payouts: { automatic: false } },
    });
  });
  afterAll(() => h.stop());

  const pay = async (amount: number) => {
    const intent = await h.stripe.paymentIntents.create({
      amount,
      currency: "eur",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    return h.stripe.balanceTransactions.retrieve(charge.balance_transaction as string);
  };
  const listAll = async (params: Stripe.BalanceTransactionListParams) => {
    const all: Stripe.BalanceTransaction[] = [];
    for await (const bt of h.stripe.balanceTransactions.list({ ...params, limit: 100 })) all.push(bt);
    return all;
  };

  it("changes Stripe's fee on a transaction not yet paid out, keeping net = amount − fee", async () => {
    const bt = await pay(10_000);
    expect(bt.fee).toBe(320);
    await h.control("POST", `/balance_transactions/${bt.id}/fee`, { fee: 410 });
    const changed = await h.stripe.balanceTransactions.retrieve(bt.id);
    expect(changed).toMatchObject({ fee: 410, net: 9590, amount: 10_000 });
    expect(changed.fee_details).toEqual([expect.objectContaining({ amount: 410, type: "stripe_fee" })]);
    await expect(h.control("POST", `/balance_transactions/${bt.id}/fee`, { fee: -1 })).rejects.toThrow(/400/);
  });

  it("duplicates a balance transaction with a new id and the same source and figures", async () => {
    const bt = await pay(2_000);
    const copy = await h.control<Stripe.BalanceTransaction>("POST", `/balance_transactions/${bt.id}/duplicate`);
    expect(copy.id).not.toBe(bt.id);
    expect(copy.id).toMatch(/^txn_/);
    const bySource = await listAll({ source: bt.source as string });
    expect(bySource.map((t) => t.id).sort()).toEqual([bt.id, copy.id].sort());
    expect(bySource.every((t) => t.net === bt.net && t.reporting_category === "charge")).toBe(true);
  });

  it("leaves a carried transaction out of a payout's listing so the nets no longer sum to its amount", async () => {
    await h.control("POST", "/clock/advance", { seconds: 3 * 86_400 });
    const { payouts } = await h.control<{ payouts: Stripe.Payout[] }>("POST", "/payouts/run");
    const payout = payouts.find((p) => p.currency === "eur")!;
    const carried = await listAll({ payout: payout.id });
    const sum = (list: Stripe.BalanceTransaction[]) =>
      list.filter((t) => t.type !== "payout").reduce((total, t) => total + t.net, 0);
    expect(sum(carried)).toBe(payout.amount);
    const omitted = carried.find((t) => t.type === "charge")!;
    await h.control("POST", `/payouts/${payout.id}/omit_transaction`, { balance_transaction: omitted.id });
    const listed = await listAll({ payout: payout.id });
    expect(listed.map((t) => t.id)).not.toContain(omitted.id);
    expect(sum(listed)).toBe(payout.amount - omitted.net);
    await expect(
      h.control("POST", `/payouts/${payout.id}/omit_transaction`, { balance_transaction: "txn_unknown" }),
    ).rejects.toThrow(/404/);
    await expect(h.control("POST", `/balance_transactions/${omitted.id}/fee`, { fee: 1 })).rejects.toThrow(/400/);
  });
});
