import { existsSync } from "node:fs";
import path from "node:path";
import type { ServerEnv } from "../env";
import { createStripeClient } from "./client";
import { appWebhookUrl, registerSandboxWebhook } from "./register-sandbox-webhook";

export type StripeForApp = { description: string; env: Record<string, string>; stop: () => Promise<void> };

/**
 * Real Stripe when STRIPE_SECRET_KEY is set; a sandbox at STRIPE_API_URL when that is set;
 * otherwise the bundled sandbox, started here with its state beside the app's database.
 * With a sandbox and no STRIPE_WEBHOOK_SECRET, the app's webhook endpoint is registered with the
 * sandbox and the secret it returns is passed on to Next.js.
 */
export async function startStripeForApp(env: ServerEnv, dataDir: string): Promise<StripeForApp> {
  if (env.STRIPE_SECRET_KEY) return { description: "real Stripe (STRIPE_SECRET_KEY)", env: {}, stop: async () => {} };
  if (env.STRIPE_API_URL) {
    const webhook = await webhookEnv(env, env.STRIPE_API_URL);
    return { description: `sandbox at ${env.STRIPE_API_URL}`, env: webhook, stop: async () => {} };
  }
  const sandboxModule = path.resolve("server/stripe-sandbox/index.ts");
  if (!existsSync(sandboxModule)) return { description: "not configured", env: {}, stop: async () => {} };
  const { startSandbox } = await import("../stripe-sandbox/index");
  const sandbox = await startSandbox({
    port: env.STRIPE_SANDBOX_PORT,
    host: "127.0.0.1",
    dataDir: path.join(dataDir, "stripe-sandbox"),
    allowedOrigins: [new URL(env.APP_URL).origin, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  });
  try {
    const webhook = await webhookEnv(env, sandbox.url);
    return {
      description: `bundled sandbox at ${sandbox.url}`,
      env: { STRIPE_API_URL: sandbox.url, ...webhook },
      stop: sandbox.stop,
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}

async function webhookEnv(env: ServerEnv, sandboxUrl: string): Promise<Record<string, string>> {
  if (env.STRIPE_WEBHOOK_SECRET) return {};
  const url = appWebhookUrl(process.env.APP_URL ? env.APP_URL : undefined, env.PORT);
  const secret = await registerSandboxWebhook(createStripeClient({ apiUrl: sandboxUrl }), url);
  return { STRIPE_WEBHOOK_SECRET: secret };
}
