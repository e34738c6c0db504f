import { serverEnv } from "../env";
import { emit } from "../jobs/emit";
import { logger } from "../observability/logger";
import { type InboxDatabase, inboxPool, insertInboxEvent } from "./insert-inbox-event";
import { type InboxEvent, parseStripeWebhook } from "./parse-stripe-webhook";
import { readLimitedBody } from "./read-limited-body";

export type WebhookReceiverDeps = {
  inbox: InboxDatabase;
  secrets: readonly string[];
  dispatch: (event: InboxEvent) => Promise<void>;
};

function defaultDeps(): WebhookReceiverDeps {
  const secret = serverEnv().STRIPE_WEBHOOK_SECRET;
  return {
    inbox: inboxPool(),
    secrets: secret ? [secret] : [],
    dispatch: (event) =>
      emit("stripe/event.received", { stripeEventId: event.stripeEventId, orderKey: event.orderKey }),
  };
}

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status });
}

/**
 * The webhook endpoint's whole job: verify, store once, acknowledge, dispatch. Processing happens
 * in a job, so Stripe gets its 2xx in milliseconds whatever processing costs.
 */
export async function receiveStripeWebhook(
  request: Request,
  deps: WebhookReceiverDeps = defaultDeps(),
): Promise<Response> {
  if (deps.secrets.length === 0) {
    logger.error("STRIPE_WEBHOOK_SECRET is not set; refusing webhooks");
    return reply(503, { error: "webhook signing secret is not configured" });
  }
  const body = await readLimitedBody(request);
  if (!body) return reply(413, { error: "body too large for a Stripe event" });
  const parsed = parseStripeWebhook(body, request.headers.get("stripe-signature"), deps.secrets);
  if (!parsed.ok) return reply(parsed.status, { error: parsed.reason });

  let isNew: boolean;
  try {
    isNew = await insertInboxEvent(deps.inbox, parsed.event);
  } catch (error) {
    logger.error({ err: error, stripeEventId: parsed.event.stripeEventId }, "could not store a Stripe event");
    // Not stored: a non-2xx makes Stripe deliver it again.
    return reply(503, { error: "event could not be stored; retry later" });
  }
  if (isNew) {
    // Stored is what matters: a failed dispatch is re-done by the inbox sweeper.
    await deps.dispatch(parsed.event).catch((error: unknown) => {
      logger.warn({ err: error, stripeEventId: parsed.event.stripeEventId }, "dispatch failed; the sweeper will retry");
    });
  }
  return reply(200, { received: true });
}
