import { defineJob, type JobDefinition } from "../jobs/job-definition";
import { accountingDepsFromEnv } from "./accounting-deps";
import { syncAllConnections } from "./sync-all-connections";

/**
 * The accounting sync: hourly under Inngest's cron (on the sweep timer under the local executor),
 * or started by hand with `accounting/sync.requested`. Journals carry their own outbox effects and
 * backoff, so the job itself retries only a run that could not start.
 */
export const ACCOUNTING_JOBS: JobDefinition[] = [
  defineJob({
    id: "accounting-sync",
    event: "accounting/sync.requested",
    cron: "0 * * * *",
    retries: 2,
    concurrency: { keyOf: () => "accounting-sync", expression: '"accounting-sync"' },
    handler: async (data, step, context) => {
      const active = await context.prisma.accountingConnection.count({ where: { status: "active" } });
      if (active === 0 && !data.connectionId) return { connections: 0 };
      return step.run("sync-connections", async () => {
        const summaries = await syncAllConnections(accountingDepsFromEnv(context.prisma), {
          connectionId: data.connectionId,
        });
        return summaries.map(({ wouldSend: _, ...summary }) => summary);
      });
    },
  }),
];
