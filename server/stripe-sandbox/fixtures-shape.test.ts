import { readFileSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlHeaders, type RunningSandbox, startSandbox } from "./index";
import { shapeMismatches } from "./testing/json-shape";

// Stripe's example objects (see fidelity/README.md).
const fixturesFile = path.resolve(import.meta.dirname, "fidelity/fixtures3.json");

type Samples = Record<string, unknown[]>;

/** Objects of every resource in several states, made through the SDK as the app would. */
async function collectSamples(stripe: Stripe, sandbox: RunningSandbox): Promise<Samples> {
  const paid = await stripe.paymentIntents.create({
    amount: 2000,
    currency: "usd",
    payment_method: "pm_card_bypassPending",
    confirm: true,
  });
  const payout = await stripe.payouts.create({ amount: 100, currency: "usd" });
  const declined = await stripe.paymentIntents
    .create({ amount: 2000, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true })
    .catch((error: Stripe.errors.StripeCardError) => error.payment_intent!);
  const threeDs = await stripe.paymentIntents.create({
    amount: 2000,
    currency: "usd",
    payment_method: "pm_card_authenticationRequired",
    confirm: true,
    return_url: "http://localhost:3000/return",
    shipping: { name: "Jenny Rosen", address: { line1: "510 Townsend St", country: "US" } },
  });
  const canceled = await stripe.paymentIntents.cancel(
    (await stripe.paymentIntents.create({ amount: 500, currency: "usd" })).id,
  );
  const disputed = await stripe.paymentIntents.create({
    amount: 3000,
    currency: "usd",
    payment_method: "pm_card_createDispute",
    confirm: true,
  });
  await stripe.paymentIntents.create({
    amount: 100,
    currency: "usd",
    payment_method: "pm_card_createDisputeInquiry",
    confirm: true,
  });
  const refund = await stripe.refunds.create({ payment_intent: paid.id, amount: 500 });
  const failed = await stripe.refunds.create({ payment_intent: paid.id, amount: 500 });
  await fetch(`${sandbox.url}/_sandbox/refunds/${failed.id}/fail`, {
    method: "POST",
    headers: controlHeaders(sandbox.controlToken),
  });
  const endpoint = await stripe.webhookEndpoints.create({ url: "http://127.0.0.1:9/hook", enabled_events: ["*"] });
  return {
    payment_intent: [paid, declined, threeDs, canceled, disputed],
    charge: (await stripe.charges.list({ limit: 100 })).data,
    refund: [refund, await stripe.refunds.retrieve(failed.id)],
    dispute: (await stripe.disputes.list({ limit: 100 })).data,
    balance_transaction: (await stripe.balanceTransactions.list({ limit: 100 })).data,
    payout: [payout],
    event: (await stripe.events.list({ limit: 100 })).data,
    webhook_endpoint: [endpoint, ...(await stripe.webhookEndpoints.list()).data],
  };
}

describe("objects carry every field of Stripe's fixtures3.json examples", () => {
  let sandbox: RunningSandbox;
  let samples: Samples;
  const fixtures = (JSON.parse(readFileSync(fixturesFile, "utf8")) as { resources: Record<string, never> }).resources;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const stripe = new Stripe("sk_test_shapes", { host: "127.0.0.1", port: sandbox.port, protocol: "http" });
    samples = await collectSamples(stripe, sandbox);
  });
  afterAll(() => sandbox?.stop());

  it.each([
    "payment_intent",
    "charge",
    "refund",
    "dispute",
    "balance_transaction",
    "payout",
    "event",
    "webhook_endpoint",
  ])("%s", (resource) => {
    const list = samples[resource]!;
    expect(list.length).toBeGreaterThan(0);
    // An event's data.object is whatever resource it is about, not the example's plan.
    const skip = resource === "event" ? ["data.object"] : [];
    for (const sample of list) {
      expect(shapeMismatches(fixtures[resource]!, sample, "", skip), (sample as { id: string }).id).toEqual([]);
    }
  });
});
