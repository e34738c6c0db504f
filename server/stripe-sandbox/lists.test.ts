import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./testing/harness";

describe("lists and expand", () => {
  let h: Harness;
  const ids: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    for (let i = 0; i < 7; i++)
      ids.push((await h.stripe.paymentIntents.create({ amount: 100 + i, currency: "usd" })).id);
  });
  afterAll(() => h.stop());

  it("pages newest first with starting_after and ending_before", async () => {
    const newest = [...ids].reverse();
    const first = await h.stripe.paymentIntents.list({ limit: 3 });
    expect(first.data.map((p) => p.id)).toEqual(newest.slice(0, 3));
    expect(first.has_more).toBe(true);
    const second = await h.stripe.paymentIntents.list({ limit: 3, starting_after: first.data[2]!.id });
    expect(second.data.map((p) => p.id)).toEqual(newest.slice(3, 6));
    const last = await h.stripe.paymentIntents.list({ limit: 3, starting_after: second.data[2]!.id });
    expect(last.data.map((p) => p.id)).toEqual(newest.slice(6));
    expect(last.has_more).toBe(false);
    const back = await h.stripe.paymentIntents.list({ limit: 2, ending_before: newest[3]! });
    expect(back.data.map((p) => p.id)).toEqual(newest.slice(1, 3));
    expect(back.has_more).toBe(true);
    const all: string[] = [];
    for await (const intent of h.stripe.paymentIntents.list({ limit: 2 })) all.push(intent.id);
    expect(all).toEqual(newest);
  });

  it("filters by created and rejects a bad limit", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await h.stripe.paymentIntents.list({ created: { gte: now + 3600 } })).data).toEqual([]);
    expect((await h.stripe.paymentIntents.list({ created: { lte: now + 3600 }, limit: 100 })).data).toHaveLength(7);
    await expect(h.stripe.paymentIntents.list({ limit: 101 })).rejects.toMatchObject({ param: "limit" });
  });

  it("expands nested ids", async () => {
    const intent = await h.stripe.paymentIntents.create({
      amount: 900,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "automatic",
    });
    const expanded = await h.stripe.paymentIntents.retrieve(intent.id, {
      expand: ["latest_charge.balance_transaction", "payment_method"],
    });
    const charge = expanded.latest_charge as { object: string; balance_transaction: { object: string } };
    expect(charge.object).toBe("charge");
    expect(charge.balance_transaction.object).toBe("balance_transaction");
    expect((expanded.payment_method as { object: string }).object).toBe("payment_method");
    const list = await h.stripe.charges.list({ payment_intent: intent.id, expand: ["data.balance_transaction"] });
    expect((list.data[0]!.balance_transaction as { object: string }).object).toBe("balance_transaction");
  });
});
