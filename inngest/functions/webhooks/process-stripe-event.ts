import { processStripeEventJob } from "@/server/jobs/definitions/process-stripe-event";
import type { JobDefinition } from "@/server/jobs/job-definition";
import { functionFromJob } from "../../function-from-job";

export const processStripeEvent = functionFromJob(processStripeEventJob as unknown as JobDefinition);
