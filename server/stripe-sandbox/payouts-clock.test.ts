import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("balance, sandbox clock and payouts", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { timing: { chargeBalanceTransactionDelayMs: 0 } } });
  });
  afterAll(() => h.stop());

  const balance = async () => {
    const b = await h.stripe.balance.retrieve();
    return {
      available: b.available.find((e) => e.currency === "usd")?.amount ?? 0,
      pending: b.pending.find((e) => e.currency === "usd")?.amount ?? 0,
    };
  };

  it("keeps card funds pending until their day, then releases them with balance.available", async () => {
    const before = await balance();
    const intent = await h.stripe.paymentIntents.create({
      amount: 10_000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string, { expand: ["balance_transaction"] });
    const transaction = charge.balance_transaction as {
      status: string;
      available_on: number;
      net: number;
      fee: number;
    };
    expect(transaction).toMatchObject({ status: "pending", fee: 320, net: 9680 });
    expect(transaction.available_on % 86_400).toBe(0);
    expect((await balance()).pending).toBe(before.pending + 9680);
    await h.control("POST", "/config", { payouts: { automatic: false } });
    await h.control("POST", "/clock/advance", { seconds: 3 * 86_400 });
    expect((await balance()).available).toBe(before.available + 9680);
    await h.receiver.waitFor((events) => events.some((e) => e.event.type === "balance.available"));
  });

  it("runs an automatic payout carrying its balance transactions, paid on the arrival date", async () => {
    const { available } = await balance();
    const { payouts } = await h.control<{ payouts: { id: string; amount: number; automatic: boolean }[] }>(
      "POST",
      "/payouts/run",
    );
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ amount: available, automatic: true });
    const carried = await h.stripe.balanceTransactions.list({ payout: payouts[0]!.id, limit: 100 });
    const net = carried.data.reduce((sum, t) => sum + (t.type === "payout" ? 0 : t.net), 0);
    expect(net).toBe(available);
    expect(carried.data.some((t) => t.type === "payout")).toBe(true);
    const payoutTransactions = await h.stripe.balanceTransactions.list({ type: "payout" });
    expect(payoutTransactions.data.every((t) => t.type === "payout")).toBe(true);
    await h.control("POST", "/clock/advance", { seconds: 3 * 86_400 });
    const paid = await h.stripe.payouts.retrieve(payouts[0]!.id);
    expect(paid).toMatchObject({ status: "paid", reconciliation_status: "completed" });
    await h.receiver.waitFor(() => eventTypes(h, paid.id).includes("payout.paid"));
    expect(eventTypes(h, paid.id)).toEqual([
      "payout.created",
      "payout.updated",
      "payout.updated",
      "payout.paid",
      "payout.reconciliation_completed",
    ]);
  });

  it("pays out daily when the clock crosses midnight", async () => {
    await h.control("POST", "/config", { payouts: { automatic: true } });
    await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      payment_method: "pm_card_bypassPending",
      confirm: true,
    });
    const before = (await h.stripe.payouts.list()).data.length;
    await h.control("POST", "/clock/advance", { seconds: 86_400 });
    const after = await h.stripe.payouts.list();
    expect(after.data.length).toBe(before + 1);
    expect(after.data[0]?.automatic).toBe(true);
  });

  it("fails a paid payout through the control API and returns the money", async () => {
    await h.stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      payment_method: "pm_card_bypassPending",
      confirm: true,
    });
    const payout = await h.stripe.payouts.create({ amount: 1000, currency: "usd" });
    const before = await balance();
    const failed = await h.control<{ status: string; failure_code: string; failure_balance_transaction: string }>(
      "POST",
      `/payouts/${payout.id}/fail`,
      { code: "no_account" },
    );
    expect(failed).toMatchObject({ status: "failed", failure_code: "no_account" });
    expect((await h.stripe.balanceTransactions.retrieve(failed.failure_balance_transaction)).type).toBe(
      "payout_failure",
    );
    expect((await balance()).available).toBe(before.available + 1000);
    await h.receiver.waitFor(() => eventTypes(h, payout.id).includes("payout.failed"));
  });

  it("refuses a manual payout above the available balance", async () => {
    const { available } = await balance();
    await expect(h.stripe.payouts.create({ amount: available + 1, currency: "usd" })).rejects.toMatchObject({
      code: "balance_insufficient",
    });
  });
});
