import { db } from "@/server/db/client";
import { serverEnv } from "@/server/env";
import type { JobContext } from "@/server/jobs/job-definition";
import { stripe } from "@/server/stripe/client";
import { functionFromJob } from "./function-from-job";
import { JOB_REGISTRY } from "./job-registry";

// Lazy, so a step that is already memoised by Inngest never opens a client it does not need.
const appJobContext = (): JobContext => ({
  get prisma() {
    return db();
  },
  get stripe() {
    return stripe();
  },
  sweep: {
    eventMinAgeMs: serverEnv().SWEEP_UNPROCESSED_EVENT_AGE_MS,
    orderMinAgeMs: serverEnv().SWEEP_STUCK_ORDER_AGE_MS,
    unpaidOrderCancelAfterMs: serverEnv().UNPAID_ORDER_CANCEL_AFTER_MINUTES * 60_000,
  },
  deadLetterAfterAttempts: serverEnv().DEAD_LETTER_AFTER_ATTEMPTS,
});

/** Every Inngest function PayOps serves at /api/inngest: one per registered job. */
export const functions = JOB_REGISTRY.map((job) => functionFromJob(job, appJobContext));
