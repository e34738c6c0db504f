import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

describe("API fault injection", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  const count = () => Object.keys(h.sandbox.runtime.sb.state.paymentIntents).length;

  it("fails before the change: a 500 and nothing created", async () => {
    await h.control("POST", "/faults", { api: { errorRate: 1, timing: "before" } });
    const error = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(500);
    expect(count()).toBe(0);
  });

  it("fails after the change: a 500, yet the refund exists and a retry with the key returns it", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });
    await h.control("POST", "/faults", { api: { errorRate: 1, timing: "after", pathPrefix: "/v1/refunds" } });
    const key = `refund-${intent.id}`;
    const error = await h.stripe.refunds
      .create({ payment_intent: intent.id }, { idempotencyKey: key })
      .catch((e: unknown) => e);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(500);
    const refunds = Object.values(h.sandbox.runtime.sb.state.refunds);
    expect(refunds).toHaveLength(1);
    await h.control("POST", "/faults", {});
    const retried = await h.stripe.refunds.create({ payment_intent: intent.id }, { idempotencyKey: key });
    expect(retried.id).toBe(refunds[0]!.id);
  });

  it("hangs past the client's timeout, before or after applying the change", async () => {
    const impatient = new Stripe("sk_test_x", {
      host: "127.0.0.1",
      port: h.sandbox.port,
      protocol: "http",
      timeout: 200,
      maxNetworkRetries: 0,
    });
    await h.control("POST", "/faults", { api: { hangRate: 1, hangMs: 1000, timing: "before" } });
    await expect(impatient.paymentIntents.create({ amount: 1000, currency: "usd" })).rejects.toBeInstanceOf(
      Stripe.errors.StripeConnectionError,
    );
    expect(count()).toBe(0);
    await h.control("POST", "/faults", { api: { hangRate: 1, hangMs: 1000, timing: "after" } });
    await expect(impatient.paymentIntents.create({ amount: 1000, currency: "usd" })).rejects.toBeInstanceOf(
      Stripe.errors.StripeConnectionError,
    );
    expect(count()).toBe(1);
  });

  it("fails only the configured fraction of requests", async () => {
    await h.control("POST", "/faults", { api: { errorRate: 0.5 } });
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, () => h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" })),
    );
    const failed = results.filter((r) => r.status === "rejected").length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(50);
    expect(count()).toBe(60 - failed);
  });

  it("draws the same faults from the same seed, and names the seed in every faulty answer", async () => {
    const outcomes = async (seed: number) => {
      const faults = (await h.control("POST", "/faults", { seed, api: { errorRate: 0.5 } })) as { seed: number };
      expect(faults.seed).toBe(seed);
      const results: string[] = [];
      for (let call = 0; call < 24; call += 1) {
        const outcome = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" }).then(
          () => "ok",
          (error: Stripe.errors.StripeError) => String(error.statusCode),
        );
        results.push(outcome);
      }
      return results;
    };
    const first = await outcomes(42);
    expect(first).toContain("500");
    expect(first).toContain("ok");
    expect(await outcomes(42)).toEqual(first);
    expect(await outcomes(43)).not.toEqual(first);
    const response = await fetch(`${h.sandbox.url}/v1/balance`, { headers: { authorization: "Bearer sk_test_x" } });
    expect(response.headers.get("sandbox-faults")).toMatch(/seed=43/);
  });
});
