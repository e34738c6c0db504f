import { db } from "../db/client";
import { serverEnv } from "../env";
import { logger } from "../observability/logger";
import { stripe } from "../stripe/client";
import type { JobDefinition } from "./job-definition";
import { LocalExecutor } from "./local-executor";

const holder = globalThis as unknown as { payopsLocalExecutor?: LocalExecutor };

/**
 * Starts the in-process executor once per server process (JOB_EXECUTOR=local) with the jobs the
 * door hands it, and makes it the sink `emit` sends to; `scheduled: false` leaves the scheduled jobs
 * to another process.
 */
export function startLocalExecutor(
  jobs: readonly JobDefinition[],
  options: { scheduled?: boolean } = {},
): LocalExecutor {
  if (holder.payopsLocalExecutor) return holder.payopsLocalExecutor;
  const env = serverEnv();
  const executor = new LocalExecutor({
    jobs,
    context: {
      prisma: db(),
      stripe: stripe(),
      sweep: {
        eventMinAgeMs: env.SWEEP_UNPROCESSED_EVENT_AGE_MS,
        orderMinAgeMs: env.SWEEP_STUCK_ORDER_AGE_MS,
        unpaidOrderCancelAfterMs: env.UNPAID_ORDER_CANCEL_AFTER_MINUTES * 60_000,
      },
      deadLetterAfterAttempts: env.DEAD_LETTER_AFTER_ATTEMPTS,
    },
    // Scheduled jobs (the sweeper, the outbox dispatcher, …) may run elsewhere: in `npm run worker`.
    scheduleIntervalMs: options.scheduled === false ? 0 : env.JOB_SWEEP_INTERVAL_MS,
  }).start();
  holder.payopsLocalExecutor = executor;
  logger.info({ sweepIntervalMs: env.JOB_SWEEP_INTERVAL_MS }, "local job executor started");
  return executor;
}
