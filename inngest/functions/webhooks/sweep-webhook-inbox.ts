import { sweepWebhookInboxJob } from "@/server/jobs/definitions/sweep-webhook-inbox";
import type { JobDefinition } from "@/server/jobs/job-definition";
import { functionFromJob } from "../../function-from-job";

export const sweepWebhookInbox = functionFromJob(sweepWebhookInboxJob as unknown as JobDefinition);
