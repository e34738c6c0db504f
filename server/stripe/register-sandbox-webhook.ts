import type Stripe from "stripe";

/** Where the app receives webhooks: APP_URL when it is set, else localhost on the app's port. */
export function appWebhookUrl(appUrl: string | undefined, port: number): string {
  const base = appUrl ? appUrl.replace(/\/+$/, "") : `http://localhost:${port}`;
  return `${base}/api/stripe/webhook`;
}

/**
 * Registers the app's webhook endpoint with the sandbox and returns its signing secret. Earlier
 * endpoints for the same URL (from previous starts) are deleted first, so each event is delivered
 * once, signed with the secret this start knows.
 */
export async function registerSandboxWebhook(stripe: Stripe, url: string): Promise<string> {
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) {
    if (endpoint.url === url) await stripe.webhookEndpoints.del(endpoint.id);
  }
  const endpoint = await stripe.webhookEndpoints.create({ url, enabled_events: ["*"] });
  if (!endpoint.secret) throw new Error(`the sandbox returned no signing secret for ${url}`);
  return endpoint.secret;
}
