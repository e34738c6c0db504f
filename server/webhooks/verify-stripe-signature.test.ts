import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { verifyStripeSignature } from "./verify-stripe-signature";

const stripe = new Stripe("sk_test_verify");
const secret = "whsec_test_verify_secret";
const payload = JSON.stringify({ id: "evt_1", object: "event", type: "payment_intent.succeeded" });
const now = 1_800_000_000;

function header(options: { secret?: string; timestamp?: number; body?: string } = {}) {
  return stripe.webhooks.generateTestHeaderString({
    payload: options.body ?? payload,
    secret: options.secret ?? secret,
    timestamp: options.timestamp ?? now,
  });
}

/** What stripe-node itself decides, as the reference. */
function stripeAccepts(signature: string, nowSeconds: number): boolean {
  const realNow = Date.now;
  Date.now = () => nowSeconds * 1000;
  try {
    stripe.webhooks.constructEvent(payload, signature, secret, 300);
    return true;
  } catch {
    return false;
  } finally {
    Date.now = realNow;
  }
}

describe("verifyStripeSignature", () => {
  it.each([
    ["a fresh signature", header(), now, true],
    ["a signature 299 s old", header({ timestamp: now - 299 }), now, true],
    ["a signature 301 s old", header({ timestamp: now - 301 }), now, false],
    ["a signature from the future", header({ timestamp: now + 600 }), now, true],
    ["another secret's signature", header({ secret: "whsec_other" }), now, false],
    ["a signature of another body", header({ body: `${payload} ` }), now, false],
    ["a header without v1", `t=${now},v0=abc`, now, false],
    ["a header without t", header().replace(/t=\d+,/, ""), now, false],
  ])("agrees with stripe-node on %s", (_name, signature, at, accepted) => {
    expect(verifyStripeSignature(Buffer.from(payload), signature, [secret], at).ok).toBe(accepted);
    expect(stripeAccepts(signature, at)).toBe(accepted);
  });

  it("accepts when any v1 matches any active secret (a secret being rolled)", () => {
    const signature = `${header({ secret: "whsec_old" })},v1=${header().split("v1=")[1]}`;
    expect(verifyStripeSignature(Buffer.from(payload), signature, [secret], now).ok).toBe(true);
    expect(verifyStripeSignature(Buffer.from(payload), header(), ["whsec_new", secret], now).ok).toBe(true);
  });

  it("says why it refused", () => {
    expect(verifyStripeSignature(Buffer.from(payload), null, [secret], now)).toEqual({
      ok: false,
      reason: "missing Stripe-Signature header",
    });
    expect(verifyStripeSignature(Buffer.from(payload), header({ timestamp: now - 400 }), [secret], now)).toEqual({
      ok: false,
      reason: "timestamp outside the tolerance zone",
    });
  });
});
