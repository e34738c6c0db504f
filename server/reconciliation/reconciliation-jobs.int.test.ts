import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { JobStep } from "../jobs/job-definition";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox/index";
import { RECONCILIATION_JOBS, yesterday } from "./reconciliation-jobs";
import { sandboxClient } from "./testing/sandbox-month";

let database: TestDatabase;
let sandbox: RunningSandbox;
const steps: string[] = [];
const step: JobStep = {
  run: async (id, fn) => {
    steps.push(id);
    return fn();
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

describe("the nightly reconciliation job", () => {
  const job = RECONCILIATION_JOBS[0]!;
  const context = () => ({ prisma: database.prisma, stripe: sandboxClient(sandbox).stripe });

  it("reconciles yesterday once: the local executor's next ticks find it done and skip it", async () => {
    expect(job).toMatchObject({
      id: "reconciliation-nightly",
      event: "reconciliation/run.requested",
      cron: "30 2 * * *",
    });
    const first = (await job.run({}, step, context())) as { runId: string };
    expect(steps).toEqual(["reconcile-window"]);
    const run = await database.prisma.reconciliationRun.findUniqueOrThrow({ where: { id: first.runId } });
    const { from, to } = yesterday(new Date());
    expect(run).toMatchObject({ trigger: "schedule", status: "succeeded", windowFrom: from, windowTo: to });
    expect(await job.run({}, step, context())).toMatchObject({ skipped: "already reconciled" });
    expect(steps).toHaveLength(1);
    expect(await database.prisma.reconciliationRun.count()).toBe(1);
  });

  it("runs a window asked for by hand, recorded as the back office's, and refuses half a window", async () => {
    const summary = (await job.run(
      { from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z", trigger: "back_office" },
      step,
      context(),
    )) as { runId: string; window: { from: string } };
    expect(summary.window.from).toBe("2026-11-01T00:00:00.000Z");
    expect(await database.prisma.reconciliationRun.findUniqueOrThrow({ where: { id: summary.runId } })).toMatchObject({
      trigger: "back_office",
      status: "succeeded",
    });
    expect(() => job.parse({ from: "2026-11-01T00:00:00.000Z" })).toThrow(/both ends of the window/);
  });
});
