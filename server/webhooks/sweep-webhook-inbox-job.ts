import { defineJob } from "../jobs/job-definition";
import { cancelExpiredUnpaidOrders } from "../orders/cancel-expired-unpaid-orders";
import { recheckUnsettledRefunds } from "../refunds/recheck-unsettled-refunds";
import { DEFAULT_ORDER_MIN_AGE_MS, recheckStuckOrders, redispatchUnprocessedEvents } from "./sweep-webhook-inbox";

/**
 * The janitor: re-dispatches events stored but never processed, re-checks orders stuck in a
 * non-final state and refunds left in between against Stripe (covers dropped webhooks, lost
 * dispatches and crashes).
 */
const DEFAULT_UNPAID_CANCEL_AFTER_MS = 24 * 60 * 60_000;

export const sweepWebhookInboxJob = defineJob({
  id: "sweep-webhook-inbox",
  event: "webhooks/sweep.requested",
  cron: "*/5 * * * *",
  retries: 1,
  handler: async (_data, step, context) => {
    const redispatched = await step.run("redispatch-unprocessed-events", () => redispatchUnprocessedEvents(context));
    const rechecked = await step.run("recheck-stuck-orders", () => recheckStuckOrders(context));
    const refunds = await step.run("recheck-unsettled-refunds", () =>
      recheckUnsettledRefunds(context, context.sweep?.orderMinAgeMs ?? DEFAULT_ORDER_MIN_AGE_MS),
    );
    // After the re-check, so an order paid through a dropped webhook is seen as paid first.
    const unpaidCanceled = await step.run("cancel-expired-unpaid-orders", () =>
      cancelExpiredUnpaidOrders(context, context.sweep?.unpaidOrderCancelAfterMs ?? DEFAULT_UNPAID_CANCEL_AFTER_MS),
    );
    return { redispatched, rechecked, refunds, unpaidCanceled };
  },
});
