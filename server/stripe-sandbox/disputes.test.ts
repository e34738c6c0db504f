import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("disputes", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  async function disputeFor(paymentMethod: string, amount = 5000) {
    const intent = await h.stripe.paymentIntents.create({
      amount,
      currency: "usd",
      payment_method: paymentMethod,
      confirm: true,
    });
    const { data } = await h.stripe.disputes.list({ payment_intent: intent.id });
    expect(data).toHaveLength(1);
    return { intent, dispute: data[0]! };
  }

  it("withdraws the amount plus the dispute fee and blocks refunds", async () => {
    const { intent, dispute } = await disputeFor("pm_card_createDispute");
    expect(dispute).toMatchObject({
      status: "needs_response",
      reason: "fraudulent",
      amount: 5000,
      is_charge_refundable: false,
    });
    expect(dispute.evidence_details.due_by).toBeGreaterThan(dispute.created + 6 * 86_400);
    expect(dispute.balance_transactions[0]).toMatchObject({
      amount: -5000,
      fee: 1500,
      net: -6500,
      type: "adjustment",
      reporting_category: "dispute",
    });
    expect((await h.stripe.charges.retrieve(intent.latest_charge as string)).disputed).toBe(true);
    await expect(h.stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({
      code: "charge_disputed",
    });
    await h.receiver.waitFor(() => eventTypes(h, dispute.id).includes("charge.dispute.funds_withdrawn"));
  });

  it("moves to under_review on submitted evidence, then reinstates funds when won", async () => {
    const { dispute } = await disputeFor("pm_card_createDispute");
    const staged = await h.stripe.disputes.update(dispute.id, { evidence: { customer_name: "Jenny" }, submit: false });
    expect(staged.status).toBe("needs_response");
    expect(staged.evidence_details.has_evidence).toBe(true);
    const submitted = await h.stripe.disputes.update(dispute.id, { evidence: { product_description: "A lamp" } });
    expect(submitted).toMatchObject({ status: "under_review" });
    expect(submitted.evidence_details.submission_count).toBe(1);
    const won = await h.control<{
      status: string;
      balance_transactions: { amount: number; reporting_category: string }[];
    }>("POST", `/disputes/${dispute.id}/settle`, { outcome: "won" });
    expect(won.status).toBe("won");
    expect(won.balance_transactions[1]).toMatchObject({ amount: 5000, reporting_category: "dispute_reversal" });
    await h.receiver.waitFor(() => eventTypes(h, dispute.id).includes("charge.dispute.funds_reinstated"));
    expect(eventTypes(h, dispute.id)).toEqual([
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
      "charge.dispute.updated",
      "charge.dispute.updated",
      "charge.dispute.closed",
      "charge.dispute.funds_reinstated",
    ]);
  });

  it("settles by Stripe's test evidence text", async () => {
    const { dispute } = await disputeFor("pm_card_createDispute");
    await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: "losing_evidence" } });
    await h.receiver.waitFor(() => eventTypes(h, dispute.id).includes("charge.dispute.closed"));
    expect((await h.stripe.disputes.retrieve(dispute.id)).status).toBe("lost");
  });

  it("opens a dispute weeks after the payment through the control API", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    await h.control("POST", "/config", { payouts: { automatic: false } });
    await h.control("POST", "/clock/advance", { seconds: 21 * 86_400 });
    const dispute = await h.control<{ id: string; status: string; reason: string; created: number }>(
      "POST",
      `/charges/${intent.latest_charge}/dispute`,
      { reason: "product_not_received" },
    );
    expect(dispute).toMatchObject({ status: "needs_response", reason: "product_not_received" });
    expect(dispute.created).toBeGreaterThanOrEqual(intent.created + 21 * 86_400);
    await h.receiver.waitFor(() => eventTypes(h, dispute.id).includes("charge.dispute.funds_withdrawn"));
  });

  it("closes an inquiry without moving money, and a lost chargeback when accepted", async () => {
    const { dispute: inquiry } = await disputeFor("pm_card_createDisputeInquiry", 100);
    expect(inquiry).toMatchObject({
      status: "warning_needs_response",
      balance_transactions: [],
      is_charge_refundable: true,
    });
    expect((await h.stripe.disputes.close(inquiry.id)).status).toBe("warning_closed");
    const { dispute } = await disputeFor("pm_card_createDispute");
    expect((await h.stripe.disputes.close(dispute.id)).status).toBe("lost");
    await expect(h.stripe.disputes.close(dispute.id)).rejects.toMatchObject({ statusCode: 400 });
  });
});
