import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

describe("Stripe's error paths", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const pay = (paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
    h.stripe.paymentIntents.create({
      amount: 1500,
      currency: "usd",
      payment_method: paymentMethod,
      confirm: true,
      ...extra,
    });

  it.each([
    ["pm_card_chargeDeclined", "card_declined", "generic_decline"],
    ["pm_card_visa_chargeDeclined", "card_declined", "generic_decline"],
    ["pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"],
    ["pm_card_chargeDeclinedFraudulent", "card_declined", "fraudulent"],
    ["pm_card_riskLevelHighest", "card_declined", "fraudulent"],
    ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"],
  ])("%s is declined with %s / %s", async (method, code, declineCode) => {
    const error = (await pay(method).catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.statusCode).toBe(402);
    expect(error.code).toBe(code);
    expect(error.decline_code).toBe(declineCode);
    const intent = await h.stripe.paymentIntents.retrieve(error.payment_intent!.id);
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error?.decline_code).toBe(declineCode);
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge.status).toBe("failed");
    expect(charge.outcome?.type).toBe(method === "pm_card_riskLevelHighest" ? "blocked" : "issuer_declined");
  });

  it("refuses a refund above what is left, after several partial refunds", async () => {
    const intent = await pay("pm_card_visa");
    await h.stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    await h.stripe.refunds.create({ payment_intent: intent.id, amount: 600 });
    const error = (await h.stripe.refunds
      .create({ payment_intent: intent.id, amount: 401 })
      .catch((e: unknown) => e)) as Stripe.errors.StripeInvalidRequestError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe("amount");
    expect(error.message).toBe("Refund amount ($4.01) is greater than unrefunded amount on charge ($4.00)");
    await h.stripe.refunds.create({ payment_intent: intent.id });
    const again = (await h.stripe.refunds
      .create({ payment_intent: intent.id })
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(again.code).toBe("charge_already_refunded");
  });

  it("refuses to capture an intent that is not awaiting capture", async () => {
    const intent = await pay("pm_card_visa");
    const error = (await h.stripe.paymentIntents
      .capture(intent.id)
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("payment_intent_unexpected_state");
    expect(error.message).toContain("status of succeeded");
  });

  it("refuses to capture more than was authorised", async () => {
    const intent = await pay("pm_card_visa", { capture_method: "manual" });
    const error = (await h.stripe.paymentIntents
      .capture(intent.id, { amount_to_capture: 1501 })
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe("amount_to_capture");
  });

  it.each([
    ["payment_intent", () => h.stripe.paymentIntents.retrieve("pi_missing")],
    ["charge", () => h.stripe.charges.retrieve("ch_missing")],
    ["refund", () => h.stripe.refunds.retrieve("re_missing")],
    ["dispute", () => h.stripe.disputes.retrieve("du_missing")],
    ["payout", () => h.stripe.payouts.retrieve("po_missing")],
    ["event", () => h.stripe.events.retrieve("evt_missing")],
  ])("an unknown %s id is 404 resource_missing", async (resource, call) => {
    const error = (await call().catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
    expect(error.message).toContain(`No such ${resource}`);
  });

  it("replays an idempotent request and rejects the key with other parameters", async () => {
    const key = `order-${Date.now()}`;
    const first = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: key });
    const second = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const error = (await h.stripe.paymentIntents
      .create({ amount: 1001, currency: "usd" }, { idempotencyKey: key })
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.type).toBe("StripeIdempotencyError");
  });

  it("stores no response for a request refused by validation, so the key can be used again", async () => {
    const key = `invalid-first-${Date.now()}`;
    await expect(
      h.stripe.paymentIntents.create({ amount: 0, currency: "usd" }, { idempotencyKey: key }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "amount",
    });
    const intent = await h.stripe.paymentIntents.create({ amount: 100, currency: "usd" }, { idempotencyKey: key });
    expect(intent.amount).toBe(100);
  });

  it("forgets idempotency keys after 24 hours of sandbox time", async () => {
    const key = `expiring-${Date.now()}`;
    const first = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: key });
    await h.control("POST", "/clock/advance", { seconds: 24 * 3600 + 60 });
    const later = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: key });
    expect(later.id).not.toBe(first.id);
  });

  it("answers 401 without a key, with a wrong key, and to a publishable key off the browser routes", async () => {
    const none = await fetch(`${h.sandbox.url}/v1/payment_intents`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
    const wrong = new Stripe("sk_live_nope", { host: "127.0.0.1", port: h.sandbox.port, protocol: "http" });
    await expect(wrong.paymentIntents.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const publishable = await fetch(`${h.sandbox.url}/v1/refunds`, { headers: { authorization: "Bearer pk_test_x" } });
    expect(publishable.status).toBe(401);
  });

  it("rejects bad parameters with a 400 naming the parameter", async () => {
    const error = (await h.stripe.paymentIntents
      .create({ amount: -5, currency: "usd" })
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe("amount");
    const missing = (await h.stripe.paymentIntents
      .create({ currency: "usd" } as Stripe.PaymentIntentCreateParams)
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(missing.param).toBe("amount");
  });
});
