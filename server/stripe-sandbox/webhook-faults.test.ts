import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveryRecord } from "./core/sandbox";
import { FAST, type Harness, startHarness } from "./testing/harness";

async function payments(h: Harness, count: number) {
  for (let i = 0; i < count; i++) {
    // Synchronous capture, so no charge.updated arrives after the count.
    await h.stripe.paymentIntents.create({
      amount: 1000 + i,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "automatic",
    });
  }
}

async function allEventIds(h: Harness): Promise<string[]> {
  const ids: string[] = [];
  for await (const event of h.stripe.events.list({ limit: 100 })) ids.push(event.id);
  return ids;
}

describe("webhook fault injection", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  it("with ×3 duplication and shuffling, every event arrives exactly three times", async () => {
    const faults = await h.control<{ webhook: { duplicate: number } }>("POST", "/faults", {
      webhook: { duplicate: 3, shuffleWindowMs: 40 },
    });
    expect(faults.webhook.duplicate).toBe(3);
    await payments(h, 10);
    await h.sandbox.runtime.sb.webhooks.idle();
    const ids = await allEventIds(h);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    const counts = new Map<string, number>();
    for (const { event } of h.receiver.received) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    for (const id of ids) expect(counts.get(id), id).toBe(3);
    expect(counts.size).toBe(ids.length);
    expect(h.receiver.rejected).toEqual([]);
  });

  it("reports faults in every response header while they are on", async () => {
    await h.control("POST", "/faults", { webhook: { duplicate: 2 } });
    const response = await h.stripe.paymentIntents.list();
    expect(response.lastResponse.headers["sandbox-faults"]).toContain("webhook.duplicate=2");
    await h.control("POST", "/faults", {});
    const clean = await h.stripe.paymentIntents.list();
    expect(clean.lastResponse.headers["sandbox-faults"]).toBeUndefined();
  });

  it("drops deliveries but keeps the events listable", async () => {
    await h.control("POST", "/faults", { webhook: { dropRate: 1 } });
    await payments(h, 2);
    await h.sandbox.runtime.sb.webhooks.idle();
    expect(h.receiver.received).toEqual([]);
    const ids = await allEventIds(h);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const { data } = await h.control<{ data: DeliveryRecord[] }>("GET", "/deliveries");
    expect(data.filter((d) => d.outcome === "dropped").length).toBe(ids.length);
  });

  it("delays deliveries", async () => {
    await h.control("POST", "/faults", { webhook: { delayMs: 300 } });
    const started = Date.now();
    await payments(h, 1);
    await h.receiver.waitFor((events) => events.length > 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("retries a failing endpoint on the schedule and records every attempt", async () => {
    h.receiver.respondWith(500);
    const intent = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    await h.sandbox.runtime.sb.webhooks.idle();
    const { data } = await h.control<{ data: DeliveryRecord[] }>("GET", "/deliveries");
    const attempts = data.filter(
      (d) =>
        (h.sandbox.runtime.sb.state.events[d.eventId]?.data.object as { id?: string } | undefined)?.id === intent.id,
    );
    expect(attempts.map((d) => d.attempt).sort((a, b) => a - b)).toEqual([1, 2, 3]);
    expect(attempts.every((d) => d.outcome === "failed" && d.httpStatus === 500)).toBe(true);
    h.receiver.respondWith(200);
    const event = h.sandbox.runtime.sb.state.events[attempts[0]!.eventId]!;
    await h.control("POST", `/events/${event.id}/resend`);
    await h.receiver.waitFor((events) => events.some((e) => e.event.id === event.id));
  });

  it("retries until the endpoint recovers", { timeout: 15_000 }, async () => {
    await h.stop();
    // Retries far enough apart that the endpoint recovers between the first and the next attempt.
    h = await startHarness({ config: { ...FAST, webhooks: { retryScheduleMs: [300, 300, 300] } } });
    h.receiver.respondWith(503);
    const intent = await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const deliveriesOfCreated = () =>
      h.sandbox.runtime.sb.webhooks
        .deliveries()
        .filter(
          (d) =>
            d.eventType === "payment_intent.created" &&
            (h.sandbox.runtime.sb.state.events[d.eventId]?.data.object as { id?: string } | undefined)?.id ===
              intent.id,
        );
    await vi.waitFor(() => expect(deliveriesOfCreated().map((d) => d.outcome)).toEqual(["failed"]), 5000);
    h.receiver.respondWith(200);
    await h.receiver.waitFor((events) => events.some((e) => e.event.type === "payment_intent.created"));

    // The receiver has the event before the sandbox has written down the attempt's answer.
    const attempts = () =>
      deliveriesOfCreated().map(({ attempt, outcome, httpStatus }) => ({ attempt, outcome, httpStatus }));
    await vi.waitFor(
      () =>
        expect(attempts()).toEqual([
          { attempt: 1, outcome: "failed", httpStatus: 503 },
          { attempt: 2, outcome: "succeeded", httpStatus: 200 },
        ]),
      5000,
    );
    expect(h.receiver.received.filter((e) => e.event.type === "payment_intent.created")).toHaveLength(1);
  });
});
