import { defineJob } from "../jobs/job-definition";
import { isEventProcessingPaused } from "./event-processing-pause";
import { processStripeEvent } from "./process-stripe-event";

/** Processes one inbox event; one run per order at a time, retried with backoff on failure. */
export const processStripeEventJob = defineJob({
  id: "process-stripe-event",
  event: "stripe/event.received",
  retries: 6,
  concurrency: { keyOf: (data) => data.orderKey, expression: "event.data.orderKey" },
  handler: async (data, step, context) => {
    // Paused by an admin: the event stays in the inbox, and resuming dispatches it again.
    if (await isEventProcessingPaused(context.prisma)) return { stripeEventId: data.stripeEventId, outcome: "paused" };
    return step.run("process-event", () => processStripeEvent(data.stripeEventId, context));
  },
});
