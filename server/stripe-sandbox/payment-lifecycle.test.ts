import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTypes, type Harness, startHarness } from "./testing/harness";

describe("PaymentIntent lifecycle", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it("emits Stripe's events in order for a card payment and fills the balance transaction later", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      metadata: { order_id: "o-1" },
    });
    expect(intent.status).toBe("succeeded");
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(intent.metadata.order_id).toBe("o-1");
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    await h.receiver.waitFor(() => eventTypes(h, charge.id).includes("charge.updated"));
    const succeeded = h.receiver.received.find(
      ({ event }) => event.type === "charge.succeeded" && (event.data.object as { id: string }).id === charge.id,
    )!;
    expect((succeeded.event.data.object as { balance_transaction: unknown }).balance_transaction).toBeNull();
    const updated = h.receiver.received.find(
      ({ event }) => event.type === "charge.updated" && (event.data.object as { id: string }).id === charge.id,
    )!;
    expect(updated.event.data.previous_attributes).toEqual({ balance_transaction: null });
    const expanded = await h.stripe.charges.retrieve(charge.id, { expand: ["balance_transaction"] });
    const transaction = expanded.balance_transaction as { fee: number; net: number; amount: number };
    expect(transaction).toMatchObject({ amount: 2000, fee: 88, net: 1912 });
    const created = await h.stripe.events.list({ limit: 100 });
    const order = created.data
      .filter((e) => [intent.id, charge.id].includes((e.data.object as { id: string }).id))
      .map((e) => e.type)
      .reverse();
    expect(order).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded", "charge.updated"]);
  });

  it("authorises, partially captures and releases the rest", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      payment_method: "pm_card_mastercard",
      confirm: true,
      capture_method: "manual",
    });
    expect(intent).toMatchObject({ status: "requires_capture", amount_capturable: 5000, amount_received: 0 });
    const captured = await h.stripe.paymentIntents.capture(intent.id, { amount_to_capture: 3000 });
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 3000, amount_capturable: 0 });
    const charge = await h.stripe.charges.retrieve(captured.latest_charge as string, {
      expand: ["balance_transaction"],
    });
    expect(charge).toMatchObject({ captured: true, amount_captured: 3000, amount_refunded: 2000 });
    expect((charge.balance_transaction as { amount: number }).amount).toBe(3000);
    await h.receiver.waitFor(() => eventTypes(h, intent.id).includes("payment_intent.succeeded"));
    expect(eventTypes(h, charge.id)).toEqual(["charge.succeeded", "charge.captured"]);
  });

  it("cancels an authorisation and refuses to cancel a succeeded payment", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 800,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
    });
    const canceled = await h.stripe.paymentIntents.cancel(intent.id, { cancellation_reason: "fraudulent" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "fraudulent", amount_capturable: 0 });
    expect(typeof canceled.canceled_at).toBe("number");
    const paid = await h.stripe.paymentIntents.create({
      amount: 800,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    await expect(h.stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });

  it("creates, updates and confirms in separate steps", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 1200,
      currency: "eur",
      allowed_payment_method_types: ["card"],
    });
    expect(intent.status).toBe("requires_payment_method");
    const updated = await h.stripe.paymentIntents.update(intent.id, { amount: 1300, metadata: { note: "x" } });
    expect(updated.amount).toBe(1300);
    const confirmed = await h.stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_amex" });
    expect(confirmed.status).toBe("succeeded");
    const charge = await h.stripe.charges.retrieve(confirmed.latest_charge as string);
    expect(charge.payment_method_details?.card?.brand).toBe("amex");
  });

  it("keeps SEPA debit processing, then succeeds", async () => {
    const method = await h.stripe.paymentMethods.create({
      type: "sepa_debit",
      sepa_debit: { iban: "DE89370400440532013000" },
      billing_details: { name: "Jenny", email: "j@example.com" },
    });
    const intent = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: "eur",
      allowed_payment_method_types: ["sepa_debit"],
      payment_method: method.id,
      confirm: true,
    });
    expect(intent.status).toBe("processing");
    await h.receiver.waitFor(() => eventTypes(h, intent.id).includes("payment_intent.succeeded"));
    expect(eventTypes(h, intent.id)).toEqual([
      "payment_intent.created",
      "payment_intent.processing",
      "payment_intent.succeeded",
    ]);
    const charge = await h.stripe.charges.retrieve(
      (await h.stripe.paymentIntents.retrieve(intent.id)).latest_charge as string,
    );
    expect(charge.status).toBe("succeeded");
    expect(charge.id).toMatch(/^py_/);
  });

  it("keeps a SEPA debit from the delayed IBAN processing until it is settled", async () => {
    const method = await h.stripe.paymentMethods.create({
      type: "sepa_debit",
      sepa_debit: { iban: "DE08370400440532013003" },
      billing_details: { name: "Jenny", email: "j@example.com" },
    });
    const intent = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: "eur",
      allowed_payment_method_types: ["sepa_debit"],
      payment_method: method.id,
      confirm: true,
    });
    // Well past the ordinary settle delay (100 ms here).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).status).toBe("processing");
    const settled = await h.control<{ status: string }>("POST", `/payment_intents/${intent.id}/settle`);
    expect(settled.status).toBe("succeeded");
    await h.receiver.waitFor(() => eventTypes(h, intent.id).includes("payment_intent.succeeded"));
  });

  it("fails a SEPA debit from a failing IBAN", async () => {
    const method = await h.stripe.paymentMethods.create({
      type: "sepa_debit",
      sepa_debit: { iban: "AT861904300235473202" },
      billing_details: { name: "Jenny", email: "j@example.com" },
    });
    const intent = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: "eur",
      allowed_payment_method_types: ["sepa_debit"],
      payment_method: method.id,
      confirm: true,
    });
    await h.receiver.waitFor(() => eventTypes(h, intent.id).includes("payment_intent.payment_failed"));
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_payment_method");
  });

  it("expires an authorization left uncaptured for 7 days", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 700,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
    });
    await h.control("POST", "/config", { payouts: { automatic: false } });
    await h.control("POST", "/clock/advance", { seconds: 7 * 86_400 + 60 });
    const expired = await h.stripe.paymentIntents.retrieve(intent.id);
    expect(expired).toMatchObject({ status: "canceled", cancellation_reason: "automatic" });
    await h.receiver.waitFor(() => eventTypes(h, intent.latest_charge as string).includes("charge.expired"));
  });

  it("refuses an unknown payment method before creating anything", async () => {
    const before = Object.keys(h.sandbox.runtime.sb.state.paymentIntents).length;
    await expect(
      h.stripe.paymentIntents.create({ amount: 700, currency: "usd", payment_method: "pm_nope", confirm: true }),
    ).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
    expect(Object.keys(h.sandbox.runtime.sb.state.paymentIntents).length).toBe(before);
  });

  it("reports risk on the charge outcome", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_riskLevelElevated",
      confirm: true,
    });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge.outcome).toMatchObject({ risk_level: "elevated", type: "manual_review" });
    expect(charge.outcome?.risk_score).toBeGreaterThan(60);
  });
});
