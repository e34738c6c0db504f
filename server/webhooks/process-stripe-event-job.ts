import { defineJob } from "../jobs/job-definition";
import { processStripeEvent } from "./process-stripe-event";

/** Processes one inbox event; one run per order at a time, retried with backoff on failure. */
export const processStripeEventJob = defineJob({
  id: "process-stripe-event",
  event: "stripe/event.received",
  retries: 6,
  concurrency: { keyOf: (data) => data.orderKey, expression: "event.data.orderKey" },
  handler: async (data, step, context) =>
    step.run("process-event", () => processStripeEvent(data.stripeEventId, context)),
});
