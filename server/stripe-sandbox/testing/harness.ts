import Stripe from "stripe";
import type { SandboxConfigInput } from "../core/config";
import { controlHeaders, type RunningSandbox, startSandbox } from "../index";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

export interface Harness {
  sandbox: RunningSandbox;
  stripe: Stripe;
  receiver: WebhookReceiver;
  control<T = unknown>(method: "GET" | "POST", route: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Fast timings so asynchronous steps happen within a test's patience. */
export const FAST: SandboxConfigInput = {
  timing: {
    chargeBalanceTransactionDelayMs: 50,
    refundSettleDelayMs: 100,
    asyncPaymentSettleDelayMs: 100,
    disputeEvidenceSettleDelayMs: 50,
  },
  webhooks: { retryScheduleMs: [50, 50] },
};

/** A sandbox on a random port, an SDK client for it and a verifying webhook receiver subscribed to everything. */
export async function startHarness(
  options: { config?: SandboxConfigInput; dataDir?: string; allowedOrigins?: string[] } = {},
) {
  const sandbox = await startSandbox({
    port: 0,
    config: options.config ?? FAST,
    dataDir: options.dataDir,
    allowedOrigins: options.allowedOrigins,
  });
  const stripe = new Stripe("sk_test_harness", {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const receiver = await startWebhookReceiver();
  const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
  receiver.setSecret(endpoint.secret!);
  const harness: Harness = {
    sandbox,
    stripe,
    receiver,
    async control<T>(method: "GET" | "POST", route: string, body?: unknown) {
      const response = await fetch(`${sandbox.url}/_sandbox${route}`, {
        method,
        headers: controlHeaders(sandbox.controlToken),
        body: method === "POST" ? JSON.stringify(body ?? {}) : undefined,
      });
      const json = (await response.json()) as T;
      if (!response.ok) throw new Error(`control ${route} answered ${response.status}: ${JSON.stringify(json)}`);
      return json;
    },
    async stop() {
      await sandbox.stop();
      await receiver.stop();
    },
  };
  return harness;
}

export function eventTypes(harness: Harness, objectId: string): string[] {
  return harness.receiver.received
    .filter(({ event }) => (event.data.object as { id?: string }).id === objectId)
    .map(({ event }) => event.type);
}
