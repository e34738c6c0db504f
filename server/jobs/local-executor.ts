import { randomUUID } from "node:crypto";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { withCarriedContext, withSpan } from "../observability/tracing";
import { setJobEventSink } from "./emit";
import { type JobContext, type JobDefinition, type JobStep, NonRetriableJobError } from "./job-definition";
import type { JobEvent } from "./job-events";

export type LocalExecutorOptions = {
  jobs: readonly JobDefinition[];
  context: JobContext;
  /** First retry delay; doubles per attempt, with jitter, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Jobs running at once across all keys (the database pool and two cores are shared). */
  maxConcurrent?: number;
  /** How often scheduled (cron) jobs run; 0 turns the timer off. */
  scheduleIntervalMs?: number;
};

type Run = {
  job: JobDefinition;
  data: unknown;
  runId: string;
  attempt: number;
  steps: Map<string, unknown>;
  /** The emitting request's trace context: every attempt's span joins that trace. */
  trace?: Record<string, string>;
  /** Set while the first attempt waits to start: the same dispatch arriving meanwhile is dropped. */
  waitingKey?: string;
};

/**
 * Runs jobs in this process when there is no Inngest server: the same job functions, a step tool
 * that memoises finished steps across retries, every attempt recorded in job_runs, exponential
 * backoff, at most one run per concurrency key at a time, and scheduled jobs on a timer.
 */
export class LocalExecutor {
  private readonly options: Required<Omit<LocalExecutorOptions, "context" | "jobs">> & LocalExecutorOptions;
  private readonly keyTails = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private readonly slotWaiters: (() => void)[] = [];
  /** Runs emitted but not started yet, by job and data (the sweeper re-dispatches what is still waiting). */
  private readonly waiting = new Set<string>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private scheduledRunning = new Set<string>();
  private stopped = false;

  constructor(options: LocalExecutorOptions) {
    this.options = { backoffMs: 250, maxBackoffMs: 30_000, maxConcurrent: 4, scheduleIntervalMs: 60_000, ...options };
  }

  /** Accepts emitted events: validates them and queues a run for every job they trigger. */
  readonly send = async (events: JobEvent[]): Promise<void> => {
    for (const event of events) {
      for (const job of this.options.jobs) {
        if (job.event !== event.name) continue;
        const data = job.parse(event.data);
        const waitingKey = `${job.id}\u0000${JSON.stringify(data)}`;
        if (this.waiting.has(waitingKey)) continue;
        this.waiting.add(waitingKey);
        this.enqueue({ job, data, runId: randomUUID(), attempt: 1, steps: new Map(), trace: event.trace, waitingKey });
      }
    }
  };

  start(): this {
    setJobEventSink(this.send);
    if (this.options.scheduleIntervalMs > 0) {
      this.timer = setInterval(() => this.runScheduled(), this.options.scheduleIntervalMs);
      this.timer.unref();
    }
    return this;
  }

  /** Stops taking work, lets running and queued attempts finish, and drops pending retries' timers. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    setJobEventSink(undefined);
    await this.idle();
  }

  /** Resolves once nothing is queued, running or waiting to retry. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Runs every scheduled job now (unless its previous run is still going). */
  runScheduled(): void {
    for (const job of this.options.jobs) {
      if (!job.cron || this.scheduledRunning.has(job.id) || this.stopped) continue;
      this.scheduledRunning.add(job.id);
      const run = { job, data: {}, runId: randomUUID(), attempt: 1, steps: new Map() };
      this.track(this.attempt(run).finally(() => this.scheduledRunning.delete(job.id)));
    }
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private enqueue(run: Run): void {
    if (this.stopped) {
      if (run.waitingKey) this.waiting.delete(run.waitingKey);
      return;
    }
    const key = run.job.concurrency ? `${run.job.id}:${run.job.concurrency.keyOf(run.data)}` : null;
    if (!key) {
      this.track(this.attempt(run));
      return;
    }
    const previous = this.keyTails.get(key) ?? Promise.resolve();
    const tail = previous.then(() => this.attempt(run));
    this.keyTails.set(key, tail);
    this.track(
      tail.finally(() => {
        if (this.keyTails.get(key) === tail) this.keyTails.delete(key);
      }),
    );
  }

  private async attempt(run: Run): Promise<void> {
    if (run.waitingKey) {
      this.waiting.delete(run.waitingKey);
      run.waitingKey = undefined;
    }
    await this.acquireSlot();
    const startedAt = new Date();
    let error: unknown;
    try {
      const attributes = {
        "payops.job_id": run.job.id,
        "payops.job_run_id": run.runId,
        "payops.job_attempt": run.attempt,
      };
      await withCarriedContext(run.trace, () =>
        withSpan(`job ${run.job.id}`, attributes, () => run.job.run(run.data, this.stepFor(run), this.options.context)),
      );
    } catch (caught) {
      error = caught;
    } finally {
      this.releaseSlot();
    }
    const retriable = !(error instanceof NonRetriableJobError);
    const retriesLeft = retriable && run.attempt <= run.job.retries && !this.stopped;
    const status = error === undefined ? "succeeded" : retriesLeft ? "failed" : "exhausted";
    await this.record(run, status, startedAt, error);
    if (status !== "failed") return;
    const delay = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (run.attempt - 1));
    const jittered = delay / 2 + Math.random() * (delay / 2);
    // The retry waits outside the key's queue, so other events for the same order are not held up.
    this.track(
      new Promise<void>((resolve) => {
        setTimeout(() => {
          this.enqueue({ ...run, attempt: run.attempt + 1 });
          resolve();
        }, jittered).unref();
      }),
    );
  }

  private stepFor(run: Run): JobStep {
    return {
      run: async <T>(id: string, fn: () => Promise<T>): Promise<T> => {
        if (run.steps.has(id)) return run.steps.get(id) as T;
        const result = await withSpan(`step ${id}`, { "payops.job_step": id }, fn);
        run.steps.set(id, result);
        return result;
      },
    };
  }

  private async record(run: Run, status: string, startedAt: Date, error: unknown): Promise<void> {
    const message = error === undefined ? null : error instanceof Error ? error.message : String(error);
    metrics().jobAttempts.inc({ job: run.job.id, status });
    if (status === "exhausted") logger.error({ jobId: run.job.id, runId: run.runId, err: error }, "job gave up");
    try {
      await this.options.context.prisma.jobRun.create({
        data: {
          runId: run.runId,
          jobId: run.job.id,
          eventName: run.job.event,
          data: run.data as object,
          concurrencyKey: run.job.concurrency?.keyOf(run.data) ?? null,
          attempt: run.attempt,
          status,
          error: message?.slice(0, 2000) ?? null,
          startedAt,
          finishedAt: new Date(),
        },
      });
    } catch (recordError) {
      logger.warn({ err: recordError, jobId: run.job.id }, "could not record a job attempt");
    }
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < this.options.maxConcurrent) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.active -= 1;
  }
}
