import type { JobDefinition } from "../jobs/job-definition";
import { processStripeEventJob } from "./process-stripe-event-job";
import { sweepWebhookInboxJob } from "./sweep-webhook-inbox-job";

/** The webhook room's background jobs: processing stored events and sweeping the inbox. */
export const WEBHOOK_JOBS: readonly JobDefinition[] = [processStripeEventJob, sweepWebhookInboxJob];
