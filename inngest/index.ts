import { processStripeEvent } from "./functions/webhooks/process-stripe-event";
import { sweepWebhookInbox } from "./functions/webhooks/sweep-webhook-inbox";

/** Every Inngest function PayOps serves at /api/inngest. */
export const functions = [processStripeEvent, sweepWebhookInbox];
