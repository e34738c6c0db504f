import { NonRetriableError } from "inngest";
import { type JobContext, type JobDefinition, type JobStep, NonRetriableJobError } from "@/server/jobs/job-definition";
import { bindActiveContext, withCarriedContext, withSpan } from "@/server/observability/tracing";
import { inngest } from "./client";
import { splitTraceContext } from "./trace-context";

/**
 * Turns a job definition into an Inngest function: same id, trigger, retries and concurrency key,
 * with Inngest's own step tool, so a job behaves the same under either executor. Data that does
 * not fit the event's schema fails the run at once (NonRetriableError): no retry can fix it.
 * The run's spans join the trace the event carried (see event-sink.ts).
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
      // The emitting request's trace context rides in the data; the job's schema never sees it.
      const { data, trace } = splitTraceContext(received?.name === job.event ? received.data : {});
      const jobStep: JobStep = {
        // Inngest runs the step's callback from its own loop: bind it to the job's trace context.
        run: (id, fn) =>
          step.run(
            id,
            bindActiveContext(() => withSpan(`step ${id}`, { "payops.job_step": id }, fn).catch(nonRetriable)),
          ) as Promise<never>,
      };
      try {
        job.parse(data);
      } catch (error) {
        nonRetriable(error);
      }
      // Every invocation (Inngest calls once per step) joins the trace of the request that emitted the event.
      return withCarriedContext(trace, () =>
        withSpan(`job ${job.id}`, { "payops.job_id": job.id }, () => job.run(data, jobStep, contextOf())),
      );
    },
  );
}

/** Rethrows a job's give-up as Inngest's own NonRetriableError, so Inngest does not retry it. */
function nonRetriable(error: unknown): never {
  if (error instanceof NonRetriableJobError) throw new NonRetriableError(error.message, { cause: error });
  throw error;
}
