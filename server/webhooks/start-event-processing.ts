import { db } from "../db/client";
import { serverEnv } from "../env";
import { setJobEventSink } from "../jobs/emit";
import type { JobDefinition } from "../jobs/job-definition";
import { startLocalExecutor } from "../jobs/start-local-executor";
import { logger } from "../observability/logger";
import { stripe } from "../stripe/client";
import { InboxWorker } from "./inbox-worker";
import { processStripeEventJob } from "./process-stripe-event-job";

const holder = globalThis as unknown as { payopsInboxWorker?: InboxWorker };

/** This process's inbox worker (one per process), started on first use. */
export function startInboxWorker(): InboxWorker {
  if (!holder.payopsInboxWorker) {
    const env = serverEnv();
    holder.payopsInboxWorker = new InboxWorker({
      prisma: db(),
      stripe: stripe(),
      deadLetterAfterAttempts: env.DEAD_LETTER_AFTER_ATTEMPTS,
      ordersAtOnce: env.STRIPE_EVENT_WORKER_ORDERS,
    }).start();
    logger.info({ workerId: holder.payopsInboxWorker.workerId }, "inbox worker started");
  }
  return holder.payopsInboxWorker;
}

/**
 * The local executor for this server's jobs, and who processes Stripe events (STRIPE_EVENT_WORKER):
 * an inbox worker in this process, woken by each stored event (in-app, the default); workers in
 * processes of their own, which poll the inbox and also run the scheduled jobs, leaving this
 * server to answer requests (external); or the per-event job (jobs).
 */
export function startLocalEventProcessing(jobs: readonly JobDefinition[]): void {
  const mode = serverEnv().STRIPE_EVENT_WORKER;
  if (mode === "jobs") {
    startLocalExecutor(jobs);
    return;
  }
  startWithInboxWorker(jobs, mode === "in-app" ? "here" : "elsewhere");
}

/** `npm run worker`: the inbox worker and the scheduled jobs, in a process beside the web server. */
export function startWorkerProcess(jobs: readonly JobDefinition[]): InboxWorker {
  return startWithInboxWorker(jobs, "here")!;
}

function startWithInboxWorker(jobs: readonly JobDefinition[], where: "here" | "elsewhere"): InboxWorker | undefined {
  const executor = startLocalExecutor(
    jobs.filter((job) => job.id !== processStripeEventJob.id),
    { scheduled: where === "here" },
  );
  const worker = where === "here" ? startInboxWorker() : undefined;
  setJobEventSink(async (events) => {
    const others = events.filter((event) => event.name !== processStripeEventJob.event);
    if (others.length < events.length) worker?.wake();
    if (others.length > 0) await executor.send(others);
  });
  return worker;
}
