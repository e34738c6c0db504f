import { NonRetriableError } from "inngest";
import { type JobContext, type JobDefinition, type JobStep, NonRetriableJobError } from "@/server/jobs/job-definition";
import { inngest } from "./client";

/**
 * Turns a job definition into an Inngest function: same id, trigger, retries and concurrency key,
 * with Inngest's own step tool, so a job behaves the same under either executor. Data that does
 * not fit the event's schema fails the run at once (NonRetriableError): no retry can fix it.
 */
export function functionFromJob(job: JobDefinition, contextOf: () => JobContext) {
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
      const data = received?.name === job.event ? received.data : {};
      const jobStep: JobStep = {
        run: (id, fn) => step.run(id, () => fn().catch(nonRetriable)) as Promise<never>,
      };
      try {
        job.parse(data);
      } catch (error) {
        nonRetriable(error);
      }
      return job.run(data, jobStep, contextOf());
    },
  );
}

/** Rethrows a job's give-up as Inngest's own NonRetriableError, so Inngest does not retry it. */
function nonRetriable(error: unknown): never {
  if (error instanceof NonRetriableJobError) throw new NonRetriableError(error.message, { cause: error });
  throw error;
}
