import { defineJob } from "../jobs/job-definition";
import { recheckStuckOrders, redispatchUnprocessedEvents } from "./sweep-webhook-inbox";

/**
 * The janitor: re-dispatches events stored but never processed and re-checks orders stuck in a
 * non-final state against Stripe (covers dropped webhooks and lost dispatches).
 */
export const sweepWebhookInboxJob = defineJob({
  id: "sweep-webhook-inbox",
  event: "webhooks/sweep.requested",
  cron: "*/5 * * * *",
  retries: 1,
  handler: async (_data, step, context) => {
    const redispatched = await step.run("redispatch-unprocessed-events", () => redispatchUnprocessedEvents(context));
    const rechecked = await step.run("recheck-stuck-orders", () => recheckStuckOrders(context));
    return { redispatched, rechecked };
  },
});
