import "server-only";
import Stripe from "stripe";
import { serverEnv } from "../env";
import { instrumentStripeHttpClient } from "../observability/instrument-stripe-http";

/** The key the app uses against a sandbox; the sandbox accepts any sk_test_ key. */
export const SANDBOX_SECRET_KEY = "sk_test_payops_sandbox";
export const SANDBOX_PUBLISHABLE_KEY = "pk_test_payops_sandbox";

export function createStripeClient(options: { secretKey?: string; apiUrl?: string }): Stripe {
  const config: Stripe.StripeConfig = {
    maxNetworkRetries: 2,
    timeout: 10_000,
    httpClient: instrumentStripeHttpClient(Stripe.createNodeHttpClient()),
  };
  if (options.secretKey) return new Stripe(options.secretKey, config);
  if (!options.apiUrl) throw new Error("Stripe is not configured: set STRIPE_SECRET_KEY or STRIPE_API_URL");
  const url = new URL(options.apiUrl);
  return new Stripe(SANDBOX_SECRET_KEY, {
    ...config,
    host: url.hostname,
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
    protocol: url.protocol === "https:" ? "https" : "http",
  });
}

const globalForStripe = globalThis as unknown as { payopsStripe?: Stripe };

/** The app's Stripe client: real Stripe with STRIPE_SECRET_KEY, otherwise the sandbox at STRIPE_API_URL. */
export function stripe(): Stripe {
  if (!globalForStripe.payopsStripe) {
    const env = serverEnv();
    globalForStripe.payopsStripe = createStripeClient({ secretKey: env.STRIPE_SECRET_KEY, apiUrl: env.STRIPE_API_URL });
  }
  return globalForStripe.payopsStripe;
}

/** The publishable key the browser uses, and whether it talks to real Stripe.js or the sandbox form. */
export function browserStripeConfig(): { publishableKey: string; sandboxUrl: string | null } {
  const env = serverEnv();
  if (env.STRIPE_SECRET_KEY) {
    if (!env.STRIPE_PUBLISHABLE_KEY) throw new Error("STRIPE_PUBLISHABLE_KEY is required with STRIPE_SECRET_KEY");
    return { publishableKey: env.STRIPE_PUBLISHABLE_KEY, sandboxUrl: null };
  }
  return { publishableKey: SANDBOX_PUBLISHABLE_KEY, sandboxUrl: env.STRIPE_API_URL ?? null };
}
