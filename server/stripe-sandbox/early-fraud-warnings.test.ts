import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("early fraud warnings", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("raises a warning on a captured charge: listable, retrievable, announced by its event", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const chargeId = intent.latest_charge as string;
    const raised = await h.control<Stripe.Radar.EarlyFraudWarning>("POST", `/charges/${chargeId}/early_fraud_warning`, {
      fraud_type: "unauthorized_use_of_card",
    });
    expect(raised).toMatchObject({
      object: "radar.early_fraud_warning",
      charge: chargeId,
      payment_intent: intent.id,
      fraud_type: "unauthorized_use_of_card",
      actionable: true,
      livemode: false,
    });
    expect(raised.id).toMatch(/^issfr_/);
    expect(await h.stripe.radar.earlyFraudWarnings.retrieve(raised.id)).toEqual(raised);
    const listed = await h.stripe.radar.earlyFraudWarnings.list({ charge: chargeId });
    expect(listed.data.map((warning) => warning.id)).toEqual([raised.id]);
    expect((await h.stripe.radar.earlyFraudWarnings.list({ payment_intent: "pi_other" })).data).toEqual([]);
    await h.receiver.waitFor(() => eventTypes(h, raised.id).includes("radar.early_fraud_warning.created"));
  });

  it("refuses a charge that was never captured", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      capture_method: "manual",
      confirm: true,
    });
    await expect(
      h.control("POST", `/charges/${intent.latest_charge as string}/early_fraud_warning`, {}),
    ).rejects.toThrow(/409/);
    await expect(h.stripe.radar.earlyFraudWarnings.retrieve("issfr_missing")).rejects.toMatchObject({
      code: "resource_missing",
    });
  });
});
