import type { JobDefinition } from "@/server/jobs/job-definition";
import { WEBHOOK_JOBS } from "@/server/webhooks/webhook-jobs";

/**
 * Every background job. Only doors import this: the Inngest serve route (through ./index) and the
 * app's start-up, which hands it to the local executor. Rooms start work through `emit`.
 */
export const JOB_REGISTRY: readonly JobDefinition[] = [...WEBHOOK_JOBS];
