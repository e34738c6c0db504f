import { defineJob, type JobDefinition } from "../jobs/job-definition";
import { runReconciliation } from "./run-reconciliation";
import { stripeListSide } from "./stripe-list-side";

const DAY_MS = 86_400_000;

/** Yesterday in UTC, the window the nightly run reconciles. */
export function yesterday(now: Date): { from: Date; to: Date } {
  const to = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  return { from: new Date(to.getTime() - DAY_MS), to };
}

/** When Inngest runs the nightly reconciliation (`RECONCILIATION_CRON`, default 02:30 UTC). */
export const RECONCILIATION_CRON = process.env.RECONCILIATION_CRON?.trim() || "30 2 * * *";

/**
 * The nightly reconciliation: under Inngest on its cron, under the local executor on the sweep
 * timer, where a window already reconciled by a finished scheduled run is skipped, so it still runs
 * once a day. The same job runs a window finance asks for from the back office. Reconciling is
 * idempotent, so a retry or a second executor changes nothing.
 */
export const RECONCILIATION_JOBS: JobDefinition[] = [
  defineJob({
    id: "reconciliation-nightly",
    event: "reconciliation/run.requested",
    cron: RECONCILIATION_CRON,
    retries: 2,
    concurrency: { keyOf: () => "reconciliation", expression: '"reconciliation"' },
    handler: async (data, step, context) => {
      const requested = data.from && data.to ? { from: new Date(data.from), to: new Date(data.to) } : null;
      const window = requested ?? yesterday(new Date());
      if (!requested) {
        const done = await context.prisma.reconciliationRun.count({
          where: { windowFrom: window.from, windowTo: window.to, trigger: "schedule", status: "succeeded" },
        });
        if (done > 0) return { skipped: "already reconciled", window };
      }
      return step.run("reconcile-window", () =>
        runReconciliation(
          { prisma: context.prisma, stripeSide: stripeListSide(context.stripe) },
          { ...window, trigger: data.trigger ?? "schedule" },
        ),
      );
    },
  }),
];
