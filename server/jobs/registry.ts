import { processStripeEventJob } from "./definitions/process-stripe-event";
import { sweepWebhookInboxJob } from "./definitions/sweep-webhook-inbox";
import type { JobDefinition } from "./job-definition";

/**
 * Every background job. Only the doors import this (the Inngest serve route and the local
 * executor's start-up): rooms start work through `emit`, which knows no handlers.
 */
export const JOB_REGISTRY: readonly JobDefinition[] = [
  processStripeEventJob as unknown as JobDefinition,
  sweepWebhookInboxJob as unknown as JobDefinition,
];

export const SWEEP_JOB_ID = sweepWebhookInboxJob.id;
