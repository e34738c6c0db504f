import type { Span } from "@opentelemetry/api";
import { serverEnv } from "../env";
import { emit } from "../jobs/emit";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { domainAttributes, withSpan } from "../observability/tracing";
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
  const started = performance.now();
  const response = await withSpan("stripe.webhook.receive", {}, async (span) => {
    const answer = await receive(request, deps, span);
    span.setAttribute("http.response.status_code", answer.status);
    return answer;
  });
  metrics().webhookAckSeconds.observe({ status: String(response.status) }, (performance.now() - started) / 1000);
  return response;
}

async function receive(request: Request, deps: WebhookReceiverDeps, span: Span): Promise<Response> {
  const m = metrics();
  if (deps.secrets.length === 0) {
    m.webhookRejected.inc({ reason: "unconfigured" });
    logger.error("STRIPE_WEBHOOK_SECRET is not set; refusing webhooks");
    return reply(503, { error: "webhook signing secret is not configured" });
  }
  const body = await readLimitedBody(request);
  if (!body) {
    m.webhookRejected.inc({ reason: "too_large" });
    return reply(413, { error: "body too large for a Stripe event" });
  }
  const parsed = parseStripeWebhook(body, request.headers.get("stripe-signature"), deps.secrets);
  if (!parsed.ok) {
    m.webhookRejected.inc({ reason: parsed.reason.startsWith("invalid signature") ? "signature" : "malformed" });
    return reply(parsed.status, { error: parsed.reason });
  }

  span.setAttributes({
    ...domainAttributes({ stripeEventId: parsed.event.stripeEventId }),
    "payops.stripe_event.type": parsed.event.type,
  });
  let stored: Awaited<ReturnType<typeof insertInboxEvent>>;
  try {
    stored = await insertInboxEvent(deps.inbox, parsed.event);
  } catch (error) {
    logger.error({ err: error, stripeEventId: parsed.event.stripeEventId }, "could not store a Stripe event");
    m.webhookRejected.inc({ reason: "store_failed" });
    // Not stored: a non-2xx makes Stripe deliver it again.
    return reply(503, { error: "event could not be stored; retry later" });
  }
  m.webhookEventsReceived.inc({ type: parsed.event.type });
  if (stored) {
    // Stored is what matters: a failed dispatch is re-done by the inbox sweeper.
    await deps.dispatch({ ...parsed.event, orderKey: stored.orderKey }).catch((error: unknown) => {
      logger.warn({ err: error, stripeEventId: parsed.event.stripeEventId }, "dispatch failed; the sweeper will retry");
    });
  }
  return reply(200, { received: true });
}
