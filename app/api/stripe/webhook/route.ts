import { requestClientIp } from "@/server/security/client-ip";
import { consumeRateLimit } from "@/server/security/rate-limits";
import { tooManyRequests } from "@/server/security/too-many-requests";
import { receiveStripeWebhook } from "@/server/webhooks/receive-stripe-webhook";

// The raw body is needed for the signature, so this route must never be cached or pre-rendered.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  // Far above any burst Stripe sends (which it retries anyway); only a flood from one source stops here.
  const decision = await consumeRateLimit("webhookPerSource", requestClientIp(request.headers));
  if (!decision.allowed) return tooManyRequests(decision.retryAfterSeconds);
  return receiveStripeWebhook(request);
}
