import { defineJob } from "../job-definition";

/** Processes one inbox event; one run per order at a time, retried with backoff on failure. */
export const processStripeEventJob = defineJob({
  id: "process-stripe-event",
  event: "stripe/event.received",
  retries: 6,
  concurrency: { keyOf: (data) => data.orderKey, expression: "event.data.orderKey" },
  handler: async (data, step, context) => {
    const { processStripeEvent } = await import("../../webhooks/process-stripe-event");
    return step.run("process-event", () => processStripeEvent(data.stripeEventId, context));
  },
});
