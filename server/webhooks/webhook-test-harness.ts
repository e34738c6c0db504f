import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { emit } from "../jobs/emit";
import type { JobContext } from "../jobs/job-definition";
import { LocalExecutor } from "../jobs/local-executor";
import { SANDBOX_SECRET_KEY } from "../stripe/client";
import { controlHeaders, type RunningSandbox, type SandboxConfigInput, startSandbox } from "../stripe-sandbox";
import { receiveStripeWebhook } from "./receive-stripe-webhook";
import { waitForPipelineIdle } from "./wait-for-pipeline-idle";
import { WEBHOOK_JOBS } from "./webhook-jobs";

export type WebhookHarness = {
  sandbox: RunningSandbox;
  stripe: Stripe;
  executor: LocalExecutor;
  /**
   * Waits until the sandbox has nothing due soon or left to deliver and the executor nothing left
   * to run; throws, naming what is still pending, after `timeoutMs` (50 s, inside a test's 60).
   */
  settle: (timeoutMs?: number) => Promise<void>;
  setFaults: (faults: Record<string, unknown>) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The webhook pipeline in one process, for tests: the sandbox delivers signed events to a bare
 * HTTP server that hands them to the same receive function the route uses; processing runs on
 * the local executor with the webhook room's own jobs, against the caller's database.
 */
export async function startWebhookHarness(options: {
  prisma: PrismaClient;
  databaseUrl: string;
  sandboxConfig?: SandboxConfigInput;
  sweep?: JobContext["sweep"];
  backoffMs?: number;
  maxConcurrent?: number;
}): Promise<WebhookHarness> {
  const sandbox = await startSandbox({ port: 0, config: options.sandboxConfig });
  // No SDK retries (they sleep 0.5-5 s): processing leaves retrying to the executor's backoff, as
  // under Inngest, and tests retry their own calls.
  const stripe = new Stripe(SANDBOX_SECRET_KEY, {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
    timeout: 10_000,
  });
  const executor = new LocalExecutor({
    jobs: WEBHOOK_JOBS,
    context: { prisma: options.prisma, stripe, sweep: options.sweep },
    backoffMs: options.backoffMs ?? 25,
    maxBackoffMs: 1_000,
    maxConcurrent: options.maxConcurrent ?? 4,
    scheduleIntervalMs: 0,
  }).start();
  const secrets: string[] = [];
  const inbox = new pg.Pool({ connectionString: options.databaseUrl, max: 5 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const deps = {
        inbox,
        secrets,
        dispatch: (event: { stripeEventId: string; orderKey: string }) =>
          emit("stripe/event.received", { stripeEventId: event.stripeEventId, orderKey: event.orderKey }),
      };
      void receiveStripeWebhook(request, deps).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = await stripe.webhookEndpoints.create({
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    enabled_events: ["*"],
  });
  secrets.push(endpoint.secret!);

  return {
    sandbox,
    stripe,
    executor,
    settle: (timeoutMs) => waitForPipelineIdle(sandbox, executor, timeoutMs),
    setFaults: async (faults) => {
      const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
        method: "POST",
        headers: controlHeaders(sandbox.controlToken),
        body: JSON.stringify(faults),
      });
      if (!response.ok) throw new Error(`could not set faults: ${await response.text()}`);
    },
    stop: async () => {
      await executor.stop();
      await sandbox.stop();
      await new Promise((resolve) => server.close(resolve));
      await inbox.end();
    },
  };
}
