import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { JOB_REGISTRY } from "@/server/jobs/registry";
import { functions } from "../../index";
import { processStripeEvent } from "./process-stripe-event";
import { sweepWebhookInbox } from "./sweep-webhook-inbox";

describe("Inngest functions", () => {
  it("serves one function per registered job, with the job's id", () => {
    expect(functions.map((fn) => fn.id()).sort()).toEqual(JOB_REGISTRY.map((job) => job.id).sort());
  });

  it("processes a Stripe event with retries and one run per order at a time", () => {
    const config = processStripeEvent["opts"] as {
      retries?: number;
      concurrency?: { key?: string; limit: number }[];
      triggers?: { event?: string }[];
    };
    expect(config.retries).toBe(6);
    expect(config.concurrency).toEqual([{ key: "event.data.orderKey", limit: 1 }]);
    expect(config.triggers).toEqual([{ event: "stripe/event.received" }]);
  });

  it("runs the sweeper on a cron as well as on demand", () => {
    const config = sweepWebhookInbox["opts"] as { triggers?: { event?: string; cron?: string }[] };
    expect(config.triggers).toEqual([{ event: "webhooks/sweep.requested" }, { cron: "*/5 * * * *" }]);
  });

  it("runs the processing job's step through Inngest's step tool", async () => {
    const engine = new InngestTestEngine({
      function: processStripeEvent,
      events: [{ name: "stripe/event.received", data: { stripeEventId: "evt_inngest", orderKey: "order-1" } }],
      steps: [{ id: "process-event", handler: () => ({ stripeEventId: "evt_inngest", outcome: "applied" }) }],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ stripeEventId: "evt_inngest", outcome: "applied" });
  }, 30_000);

  it("rejects an event whose data does not match the job's schema", async () => {
    const engine = new InngestTestEngine({
      function: processStripeEvent,
      events: [{ name: "stripe/event.received", data: { stripeEventId: "not-an-event" } }],
    });
    const { error } = await engine.execute();
    expect(String((error as Error | undefined)?.message ?? error)).toMatch(/evt_|orderKey/);
  });
});
