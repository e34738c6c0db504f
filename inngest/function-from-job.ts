import { db } from "@/server/db/client";
import type { JobDefinition, JobStep } from "@/server/jobs/job-definition";
import { JOB_EVENTS } from "@/server/jobs/job-events";
import { stripe } from "@/server/stripe/client";
import { inngest } from "./client";

/**
 * Turns a job definition into an Inngest function: same id, trigger, retries and concurrency key,
 * with Inngest's own step tool, so a job behaves the same under either executor.
 */
export function functionFromJob(job: JobDefinition) {
  const triggers = job.cron ? [{ event: job.event }, { cron: job.cron }] : [{ event: job.event }];
  return inngest.createFunction(
    {
      id: job.id,
      retries: job.retries as 0,
      triggers,
      ...(job.concurrency ? { concurrency: [{ key: job.concurrency.expression, limit: 1 }] } : {}),
    },
    async ({ event, step }) => {
      // A cron run has no event data; the job's schema gives it its defaults.
      const received = event as { name?: string; data?: unknown } | undefined;
      const data = JOB_EVENTS[job.event].parse(received?.name === job.event ? received.data : {});
      const jobStep: JobStep = { run: (id, fn) => step.run(id, fn) as never };
      // Lazy, so a step that is already memoised by Inngest never opens a client it does not need.
      const context = {
        get prisma() {
          return db();
        },
        get stripe() {
          return stripe();
        },
      };
      return job.handler(data as never, jobStep, context);
    },
  );
}
