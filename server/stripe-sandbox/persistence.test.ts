import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, describe, expect, it, vi } from "vitest";
import { controlHeaders, startSandbox } from "./index";
import { startWebhookReceiver } from "./testing/webhook-receiver";

describe("persistence under dataDir", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "stripe-sandbox-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("delivers webhooks still owed when it stopped", { timeout: 15_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stripe-sandbox-owed-"));
    const receiver = await startWebhookReceiver();
    receiver.respondWith(503);
    const config = { webhooks: { retryScheduleMs: [60_000] } };
    const first = await startSandbox({ port: 0, dataDir: dir, config });
    const stripe = new Stripe("sk_test_owed", { host: "127.0.0.1", port: first.port, protocol: "http" });
    const endpoint = await stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ["payment_intent.created"],
    });
    receiver.setSecret(endpoint.secret!);
    const intent = await stripe.paymentIntents.create({ amount: 900, currency: "usd" });
    // The precondition: the first attempt failed and a retry is owed (a minute away) when it stops.
    await vi.waitFor(
      () =>
        expect(
          first.runtime.sb.webhooks.deliveries().map(({ outcome, willRetry }) => ({ outcome, willRetry })),
        ).toEqual([{ outcome: "failed", willRetry: true }]),
      3000,
    );
    expect(receiver.received).toEqual([]);
    await first.stop();
    receiver.respondWith(200);
    const second = await startSandbox({ port: 0, dataDir: dir, config });
    try {
      await receiver.waitFor((events) => events.some((e) => (e.event.data.object as { id: string }).id === intent.id));
    } finally {
      await second.stop();
      await receiver.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps objects, events, idempotency keys, endpoints and the clock across a restart", async () => {
    const first = await startSandbox({ port: 0, dataDir });
    const stripe = (port: number) => new Stripe("sk_test_persist", { host: "127.0.0.1", port, protocol: "http" });
    const key = "persisted-key";
    const intent = await stripe(first.port).paymentIntents.create(
      { amount: 700, currency: "usd" },
      { idempotencyKey: key },
    );
    const endpoint = await stripe(first.port).webhookEndpoints.create({
      url: "http://127.0.0.1:9/x",
      enabled_events: ["charge.succeeded"],
    });
    await fetch(`${first.url}/_sandbox/clock/advance`, {
      method: "POST",
      headers: controlHeaders(first.controlToken),
      body: JSON.stringify({ seconds: 3600 }),
    });
    const clock = (await (
      await fetch(`${first.url}/_sandbox/clock`, { headers: controlHeaders(first.controlToken) })
    ).json()) as { offsetMs: number };
    await first.stop();

    const second = await startSandbox({ port: 0, dataDir });
    try {
      const client = stripe(second.port);
      expect((await client.paymentIntents.retrieve(intent.id)).amount).toBe(700);
      expect((await client.paymentIntents.create({ amount: 700, currency: "usd" }, { idempotencyKey: key })).id).toBe(
        intent.id,
      );
      expect((await client.webhookEndpoints.retrieve(endpoint.id)).url).toBe("http://127.0.0.1:9/x");
      expect((await client.events.list()).data.some((e) => e.type === "payment_intent.created")).toBe(true);
      const after = (await (
        await fetch(`${second.url}/_sandbox/clock`, { headers: controlHeaders(second.controlToken) })
      ).json()) as { offsetMs: number };
      expect(after.offsetMs).toBe(clock.offsetMs);
    } finally {
      await second.stop();
    }
  });
});
