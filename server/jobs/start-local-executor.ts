import { db } from "../db/client";
import { serverEnv } from "../env";
import { logger } from "../observability/logger";
import { stripe } from "../stripe/client";
import { LocalExecutor } from "./local-executor";
import { JOB_REGISTRY } from "./registry";

const holder = globalThis as unknown as { payopsLocalExecutor?: LocalExecutor };

/** Starts the in-process executor once per server process (JOB_EXECUTOR=local). */
export function startLocalExecutor(): LocalExecutor {
  if (holder.payopsLocalExecutor) return holder.payopsLocalExecutor;
  const env = serverEnv();
  const executor = new LocalExecutor({
    jobs: JOB_REGISTRY,
    context: { prisma: db(), stripe: stripe() },
    scheduleIntervalMs: env.JOB_SWEEP_INTERVAL_MS,
  }).start();
  holder.payopsLocalExecutor = executor;
  logger.info({ sweepIntervalMs: env.JOB_SWEEP_INTERVAL_MS }, "local job executor started");
  return executor;
}
