import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { syncPaymentIntent } from "./sync-payment-intent";

/** A stand-in for Stripe's retrieve, counting calls; the sync logic under test is real. */
function stripeReturning(intent: Partial<Stripe.PaymentIntent>) {
  const calls: string[] = [];
  const stripe = {
    paymentIntents: {
      retrieve: async (id: string) => {
        calls.push(id);
        return { id, metadata: {}, last_payment_error: null, ...intent } as Stripe.PaymentIntent;
      },
    },
  } as unknown as Stripe;
  return { stripe, calls };
}

describe("syncPaymentIntent", () => {
  it("asks Stripe at most once per interval per order and applies what it read", async () => {
    const { stripe, calls } = stripeReturning({ status: "succeeded", metadata: { order_id: "order-1" } });
    const applied: string[] = [];
    let now = 1_000_000;
    const deps = {
      stripe,
      applyPaymentIntent: async (intent: Stripe.PaymentIntent) => void applied.push(intent.status),
      now: () => now,
    };
    await syncPaymentIntent(deps, "order-1", "pi_1", 3_000);
    now += 2_000;
    const cached = await syncPaymentIntent(deps, "order-1", "pi_1", 3_000);
    expect(cached.status).toBe("succeeded");
    expect(calls).toEqual(["pi_1"]);
    now += 1_500;
    await syncPaymentIntent(deps, "order-1", "pi_1", 3_000);
    expect(calls).toEqual(["pi_1", "pi_1"]);
    expect(applied).toEqual(["succeeded", "succeeded"]);
  });

  it("explains a decline in plain words", async () => {
    const { stripe } = stripeReturning({
      status: "requires_payment_method",
      metadata: { order_id: "order-2" },
      last_payment_error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds" },
    });
    const synced = await syncPaymentIntent({ stripe, applyPaymentIntent: async () => {} }, "order-2", "pi_2", 0);
    expect(synced.problem).toBe("Your card has insufficient funds. Try another card.");
  });

  it("refuses a PaymentIntent that belongs to another order", async () => {
    const { stripe } = stripeReturning({ status: "succeeded", metadata: { order_id: "someone-else" } });
    const applied: unknown[] = [];
    await expect(
      syncPaymentIntent({ stripe, applyPaymentIntent: async (i) => void applied.push(i) }, "order-3", "pi_3", 0),
    ).rejects.toThrow(/does not belong/);
    expect(applied).toEqual([]);
  });
});
