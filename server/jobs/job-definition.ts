import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import type { JobEventData, JobEventName } from "./job-events";

/** The step tool a job sees: Inngest's `step`, or the local executor's in-process one. */
export type JobStep = { run: <T>(id: string, fn: () => Promise<T>) => Promise<T> };

/** What a job may use; the executor provides it (the app's clients, or a test's). */
export type JobContext = {
  prisma: PrismaClient;
  stripe: Stripe;
  /** How old an unprocessed event or an unsettled order must be before the sweeper steps in. */
  sweep?: { eventMinAgeMs?: number; orderMinAgeMs?: number };
};

/**
 * A background job: an id, what triggers it, how often to retry, which runs must not overlap,
 * and a handler that imports its room lazily (so the registry stays cheap to load).
 */
export type JobDefinition<Name extends JobEventName = JobEventName> = {
  id: string;
  event: Name;
  /** For scheduled jobs: Inngest's cron; the local executor uses JOB_SWEEP_INTERVAL_MS instead. */
  cron?: string;
  retries: number;
  /** Runs with the same key never overlap. `expression` is the same key in Inngest's CEL. */
  concurrency?: { keyOf: (data: JobEventData<Name>) => string; expression: string };
  handler: (data: JobEventData<Name>, step: JobStep, context: JobContext) => Promise<unknown>;
};

export function defineJob<Name extends JobEventName>(definition: JobDefinition<Name>): JobDefinition<Name> {
  return definition;
}
