import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { emit } from "./emit";
import { defineJob, type JobDefinition } from "./job-definition";
import { LocalExecutor } from "./local-executor";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

function executorFor(jobs: JobDefinition[], scheduleIntervalMs = 0) {
  return new LocalExecutor({
    jobs,
    context: { prisma: database.prisma, stripe: {} as Stripe },
    backoffMs: 5,
    maxBackoffMs: 20,
    scheduleIntervalMs,
  });
}

describe("LocalExecutor", () => {
  it("retries a failing job with backoff, keeps finished steps, and records every attempt", async () => {
    const calls = { setup: 0, flaky: 0 };
    const job = defineJob({
      id: "test-flaky",
      event: "stripe/event.received",
      retries: 3,
      handler: async (_data, step) => {
        await step.run("setup", async () => {
          calls.setup += 1;
        });
        return step.run("flaky", async () => {
          calls.flaky += 1;
          if (calls.flaky < 3) throw new Error(`flaky failure ${calls.flaky}`);
          return "done";
        });
      },
    });
    const executor = executorFor([job]).start();
    await emit("stripe/event.received", { stripeEventId: "evt_flaky", orderKey: "order-a" });
    await executor.idle();
    await executor.stop();

    expect(calls).toEqual({ setup: 1, flaky: 3 });
    const runs = await database.prisma.jobRun.findMany({ where: { jobId: "test-flaky" }, orderBy: { attempt: "asc" } });
    expect(runs.map((run) => [run.attempt, run.status, run.error])).toEqual([
      [1, "failed", "flaky failure 1"],
      [2, "failed", "flaky failure 2"],
      [3, "succeeded", null],
    ]);
    expect(new Set(runs.map((run) => run.runId)).size).toBe(1);
    expect(runs[0]?.data).toEqual({ stripeEventId: "evt_flaky", orderKey: "order-a" });
  });

  it("gives up after the last retry and says so", async () => {
    const job = defineJob({
      id: "test-hopeless",
      event: "stripe/event.received",
      retries: 1,
      handler: async () => Promise.reject(new Error("always")),
    });
    const executor = executorFor([job]).start();
    await emit("stripe/event.received", { stripeEventId: "evt_hopeless", orderKey: "order-b" });
    await executor.idle();
    await executor.stop();
    const runs = await database.prisma.jobRun.findMany({
      where: { jobId: "test-hopeless" },
      orderBy: { attempt: "asc" },
    });
    expect(runs.map((run) => run.status)).toEqual(["failed", "exhausted"]);
  });

  it("never runs two jobs with the same key at once, but runs different keys side by side", async () => {
    const running = new Map<string, number>();
    let maxSameKey = 0;
    let maxOverall = 0;
    const job = defineJob({
      id: "test-keyed",
      event: "stripe/event.received",
      retries: 0,
      concurrency: { keyOf: (data) => data.orderKey, expression: "event.data.orderKey" },
      handler: async (data) => {
        running.set(data.orderKey, (running.get(data.orderKey) ?? 0) + 1);
        maxSameKey = Math.max(maxSameKey, running.get(data.orderKey)!);
        maxOverall = Math.max(
          maxOverall,
          [...running.values()].reduce((sum, count) => sum + count, 0),
        );
        await new Promise((resolve) => setTimeout(resolve, 15));
        running.set(data.orderKey, running.get(data.orderKey)! - 1);
      },
    });
    const executor = executorFor([job]).start();
    for (let index = 0; index < 12; index += 1) {
      await emit("stripe/event.received", { stripeEventId: `evt_${index}`, orderKey: `order-${index % 3}` });
    }
    await executor.stop();
    expect(maxSameKey).toBe(1);
    expect(maxOverall).toBeGreaterThan(1);
  });

  it("queues a dispatch that is already waiting only once, and runs it again when it comes after the run started", async () => {
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const blocker = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = defineJob({
      id: "test-waiting-once",
      event: "stripe/event.received",
      retries: 0,
      concurrency: { keyOf: (data) => data.orderKey, expression: "event.data.orderKey" },
      handler: async (data) => {
        runs.push(data.stripeEventId);
        if (data.stripeEventId === "evt_first") await blocker;
      },
    });
    const executor = executorFor([job]).start();
    await emit("stripe/event.received", { stripeEventId: "evt_first", orderKey: "order-w" });
    // The sweeper's re-dispatches of an event still queued behind its order's running event.
    for (let index = 0; index < 3; index += 1) {
      await emit("stripe/event.received", { stripeEventId: "evt_waiting", orderKey: "order-w" });
    }
    release();
    await executor.idle();
    expect(runs).toEqual(["evt_first", "evt_waiting"]);
    await emit("stripe/event.received", { stripeEventId: "evt_waiting", orderKey: "order-w" });
    await executor.idle();
    await executor.stop();
    expect(runs).toEqual(["evt_first", "evt_waiting", "evt_waiting"]);
  });

  it("runs scheduled jobs on its timer", async () => {
    let sweeps = 0;
    const job = defineJob({
      id: "test-sweep",
      event: "webhooks/sweep.requested",
      cron: "*/5 * * * *",
      retries: 0,
      handler: async () => {
        sweeps += 1;
      },
    });
    const executor = executorFor([job], 20).start();
    for (let waited = 0; sweeps < 2 && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await executor.stop();
    expect(sweeps).toBeGreaterThanOrEqual(2);
  });
});
