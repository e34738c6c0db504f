import { receiveStripeWebhook } from "@/server/webhooks/receive-stripe-webhook";

// The raw body is needed for the signature, so this route must never be cached or pre-rendered.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function POST(request: Request): Promise<Response> {
  return receiveStripeWebhook(request);
}
