import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { JOB_EVENTS, type JobEventData, type JobEventName } from "./job-events";

/** The step tool a job sees: Inngest's `step`, or the local executor's in-process one. */
export type JobStep = { run: <T>(id: string, fn: () => Promise<T>) => Promise<T> };

/** What a job may use; the executor provides it (the app's clients, or a test's). */
export type JobContext = {
  prisma: PrismaClient;
  stripe: Stripe;
  /** How old an unprocessed event or an unsettled order must be before the sweeper steps in. */
  sweep?: { eventMinAgeMs?: number; orderMinAgeMs?: number; unpaidOrderCancelAfterMs?: number };
  /** An inbox event or outbox effect failing this many times is parked as a dead letter. */
  deadLetterAfterAttempts?: number;
};

/** A job as its room writes it: the handler sees its event's data already typed. */
export type JobSpec<Name extends JobEventName> = {
  id: string;
  event: Name;
  /** For scheduled jobs: Inngest's cron; the local executor uses JOB_SWEEP_INTERVAL_MS instead. */
  cron?: string;
  retries: number;
  /** Runs with the same key never overlap. `expression` is the same key in Inngest's CEL. */
  concurrency?: { keyOf: (data: JobEventData<Name>) => string; expression: string };
  handler: (data: JobEventData<Name>, step: JobStep, context: JobContext) => Promise<unknown>;
};

/**
 * A background job as the executors see it: an id, what triggers it, how often to retry, which
 * runs must not overlap, and `run`, which validates the event's data before the handler sees it.
 */
export type JobDefinition = {
  id: string;
  event: JobEventName;
  cron?: string;
  retries: number;
  concurrency?: { keyOf: (data: unknown) => string; expression: string };
  /** Throws JobPayloadError when the data does not fit the event's schema (never worth a retry). */
  parse: (data: unknown) => unknown;
  run: (data: unknown, step: JobStep, context: JobContext) => Promise<unknown>;
};

/** Failures no retry can fix: the executor gives up on the run at once (Inngest's NonRetriableError). */
export class NonRetriableJobError extends Error {
  override name = "NonRetriableJobError";
}

/** The event's data did not match its schema. */
export class JobPayloadError extends NonRetriableJobError {
  override name = "JobPayloadError";
}

/** Failed attempts after which an inbox event or outbox effect is parked as a dead letter. */
export const DEFAULT_DEAD_LETTER_AFTER_ATTEMPTS = 10;

export function defineJob<Name extends JobEventName>(spec: JobSpec<Name>): JobDefinition {
  const parse = (data: unknown): JobEventData<Name> => {
    const parsed = JOB_EVENTS[spec.event].safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`);
      throw new JobPayloadError(`${spec.event} data is invalid (${issues.join("; ")})`);
    }
    return parsed.data as JobEventData<Name>;
  };
  const { concurrency } = spec;
  return {
    id: spec.id,
    event: spec.event,
    cron: spec.cron,
    retries: spec.retries,
    concurrency: concurrency && {
      expression: concurrency.expression,
      keyOf: (data) => concurrency.keyOf(parse(data)),
    },
    parse,
    run: (data, step, context) => spec.handler(parse(data), step, context),
  };
}
