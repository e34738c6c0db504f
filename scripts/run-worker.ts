// Processes Stripe events from the inbox in a process of its own, beside the web server (which
// then runs with STRIPE_EVENT_WORKER=external), so processing has a core to itself; the scheduled
// jobs (inbox sweeper, outbox dispatcher, reconciliation, accounting sync) run here too, so the
// web server only answers requests. Run as many as wanted: they share the inbox through their
// claims, and the outbox through its leases. Needs DATABASE_URL and the same Stripe
// configuration as the app (STRIPE_SECRET_KEY, or STRIPE_API_URL for a sandbox).
//   npm run worker
import { db } from "../server/db/client";
import { ConfigurationError, parseServerEnv } from "../server/env";
import { logger } from "../server/observability/logger";
import { startWorkerProcess } from "../server/webhooks/start-event-processing";

const mutableEnv = process.env as Record<string, string | undefined>;
mutableEnv.NODE_ENV ??= "production";
try {
  const env = parseServerEnv(process.env);
  if (!env.DATABASE_URL) throw new ConfigurationError("npm run worker needs DATABASE_URL (the app's database)");
  if (!env.STRIPE_SECRET_KEY && !env.STRIPE_API_URL) {
    throw new ConfigurationError("npm run worker needs STRIPE_SECRET_KEY, or STRIPE_API_URL for a sandbox");
  }
} catch (error) {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`PayOps worker could not start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const { JOB_REGISTRY } = await import("../inngest/job-registry");
const worker = startWorkerProcess(JOB_REGISTRY);
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await db().$disconnect();
  logger.info({ workerId: worker.workerId }, "inbox worker stopped");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown());
