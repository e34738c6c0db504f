import type Stripe from "stripe";
import { newId } from "../core/ids";
import { clone, type Sandbox } from "../core/sandbox";

export const API_VERSION = "2026-10-28.endive";

/** Whether an endpoint subscribed to this event type (`*` means every type). */
export function endpointWants(endpoint: Stripe.WebhookEndpoint, type: string): boolean {
  return (
    endpoint.status === "enabled" && (endpoint.enabled_events.includes("*") || endpoint.enabled_events.includes(type))
  );
}

/**
 * Records an event with a snapshot of the object as it is now (events are immutable) and hands it to
 * the webhook dispatcher. Events are created in the order Stripe emits them for each scenario.
 */
export function emitEvent(
  sb: Sandbox,
  type: Stripe.Event.Type,
  object: object,
  previous?: Record<string, unknown>,
): Stripe.Event {
  const endpoints = Object.values(sb.state.webhookEndpoints).filter((endpoint) => endpointWants(endpoint, type));
  const data: Stripe.Event.Data = { object: clone(object) };
  if (previous && type.endsWith(".updated")) data.previous_attributes = previous;
  const event = {
    id: newId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: sb.now(),
    data,
    livemode: false,
    pending_webhooks: endpoints.length,
    request: { id: sb.request?.id ?? null, idempotency_key: sb.request?.idempotencyKey ?? null },
    type,
  } as Stripe.Event;
  sb.state.events[event.id] = event;
  sb.touch();
  if (endpoints.length > 0) sb.webhooks.enqueue(event);
  return event;
}
