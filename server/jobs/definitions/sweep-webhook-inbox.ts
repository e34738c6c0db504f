import { defineJob } from "../job-definition";

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
    const { redispatchUnprocessedEvents, recheckStuckOrders } = await import("../../webhooks/sweep-webhook-inbox");
    const redispatched = await step.run("redispatch-unprocessed-events", () => redispatchUnprocessedEvents(context));
    const rechecked = await step.run("recheck-stuck-orders", () => recheckStuckOrders(context));
    return { redispatched, rechecked };
  },
});
