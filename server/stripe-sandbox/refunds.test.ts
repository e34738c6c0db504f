import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("refunds", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const paid = (paymentMethod = "pm_card_visa") =>
    h.stripe.paymentIntents.create({ amount: 3000, currency: "usd", payment_method: paymentMethod, confirm: true });

  it("starts pending and succeeds on its own", async () => {
    const intent = await paid();
    const refund = await h.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 1000,
      reason: "requested_by_customer",
    });
    expect(refund).toMatchObject({
      status: "pending",
      amount: 1000,
      charge: intent.latest_charge,
      payment_intent: intent.id,
    });
    await h.receiver.waitFor(() => eventTypes(h, refund.id).includes("refund.updated"));
    expect(eventTypes(h, refund.id)).toEqual(["refund.created", "refund.updated", "charge.refund.updated"]);
    expect((await h.stripe.refunds.retrieve(refund.id)).status).toBe("succeeded");
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1000, refunded: false });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([refund.id]);
  });

  it("refunds by charge, several times, down to zero", async () => {
    const intent = await paid();
    const charge = intent.latest_charge as string;
    await h.stripe.refunds.create({ charge, amount: 1000 });
    await h.stripe.refunds.create({ charge });
    const after = await h.stripe.charges.retrieve(charge);
    expect(after).toMatchObject({ amount_refunded: 3000, refunded: true });
    const list = await h.stripe.refunds.list({ charge });
    expect(list.data.map((r) => r.amount)).toEqual([2000, 1000]);
  });

  it("fails a pending refund through the control API and returns the money", async () => {
    await h.control("POST", "/config", { timing: { refundSettleDelayMs: 60_000 } });
    const intent = await paid();
    const refund = await h.stripe.refunds.create({ payment_intent: intent.id });
    const failed = await h.control<{ status: string; failure_reason: string; failure_balance_transaction: string }>(
      "POST",
      `/refunds/${refund.id}/fail`,
      { reason: "expired_or_canceled_card" },
    );
    expect(failed).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    const reversal = await h.stripe.balanceTransactions.retrieve(failed.failure_balance_transaction);
    expect(reversal).toMatchObject({ type: "refund_failure", amount: 3000 });
    expect((await h.stripe.charges.retrieve(intent.latest_charge as string)).amount_refunded).toBe(0);
    await h.receiver.waitFor(() => eventTypes(h, refund.id).includes("refund.failed"));
    await h.control("POST", "/config", { timing: { refundSettleDelayMs: 100 } });
  });

  it("settles pending refunds on demand", async () => {
    await h.control("POST", "/config", { timing: { refundSettleDelayMs: 60_000 } });
    const intent = await paid();
    const refund = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 100 });
    await h.control("POST", "/refunds/settle");
    expect((await h.stripe.refunds.retrieve(refund.id)).status).toBe("succeeded");
    await h.control("POST", "/config", { timing: { refundSettleDelayMs: 100 } });
  });

  it("keeps a refund on the pending-refund test card pending until it is settled", async () => {
    const intent = await paid("pm_card_pendingRefund");
    const refund = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 100 });
    // Well past the ordinary settle delay (100 ms here).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await h.stripe.refunds.retrieve(refund.id)).status).toBe("pending");
    const settled = await h.control<{ status: string }>("POST", `/refunds/${refund.id}/settle`);
    expect(settled.status).toBe("succeeded");
    await h.receiver.waitFor(() => eventTypes(h, refund.id).includes("refund.updated"));
    await expect(h.control("POST", `/refunds/${refund.id}/settle`)).rejects.toThrow(/is succeeded, not pending/);
  });

  it("follows the refund-fail test card: succeeded, then failed", async () => {
    const intent = await paid("pm_card_refundFail");
    const refund = await h.stripe.refunds.create({ payment_intent: intent.id });
    await h.receiver.waitFor(() => eventTypes(h, refund.id).includes("refund.failed"), 3000);
    expect((await h.stripe.refunds.retrieve(refund.id)).status).toBe("failed");
  });

  it("updates metadata with previous_attributes", async () => {
    const intent = await paid();
    const refund = await h.stripe.refunds.create({ payment_intent: intent.id, amount: 10 });
    await h.stripe.refunds.update(refund.id, { metadata: { order_id: "6735" } });
    const events = await h.stripe.events.list({ type: "refund.updated", limit: 100 });
    const mine = events.data.filter((e) => (e.data.object as { id: string }).id === refund.id);
    expect(mine.map((e) => e.data.previous_attributes)).toContainEqual({ metadata: { order_id: null } });
  });

  it("refuses refunds of an uncaptured payment", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 900,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
    });
    await expect(h.stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ statusCode: 400 });
  });
});
