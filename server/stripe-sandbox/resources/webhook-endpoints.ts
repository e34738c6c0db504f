import type Stripe from "stripe";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { invalidParam, resourceMissing } from "../http/errors";
import type { Params } from "../http/form";
import { applyMetadata, optionalBoolean, optionalString, optionalStringArray, requiredString } from "../http/params";
import { newSigningSecret } from "../webhooks/sign-payload";

function parseEvents(params: Params, required: boolean): string[] | undefined {
  const events = optionalStringArray(params, "enabled_events");
  if (required && (!events || events.length === 0))
    throw invalidParam("enabled_events", "Missing required param: enabled_events.");
  return events;
}

function parseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {
    // fall through to the error below
  }
  throw invalidParam("url", `Invalid URL: ${value}. Webhook endpoints need an http or https URL.`);
}

/** Stripe shows the signing secret only in the create response. */
export function withoutSecret(endpoint: Stripe.WebhookEndpoint): Stripe.WebhookEndpoint {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
}

export function createWebhookEndpoint(sb: Sandbox, params: Params): Stripe.WebhookEndpoint {
  const endpoint: Stripe.WebhookEndpoint = {
    id: newId("we"),
    object: "webhook_endpoint",
    api_version: optionalString(params, "api_version") ?? null,
    application: null,
    created: sb.now(),
    description: optionalString(params, "description") ?? null,
    enabled_events: parseEvents(params, true)!,
    livemode: false,
    metadata: applyMetadata({}, params),
    secret: newSigningSecret(),
    status: "enabled",
    url: parseUrl(requiredString(params, "url")),
  };
  sb.state.webhookEndpoints[endpoint.id] = endpoint;
  sb.touch();
  return endpoint;
}

export function retrieveWebhookEndpoint(sb: Sandbox, id: string): Stripe.WebhookEndpoint {
  const endpoint = sb.state.webhookEndpoints[id];
  if (!endpoint) throw resourceMissing("webhook_endpoint", id);
  return endpoint;
}

export function updateWebhookEndpoint(sb: Sandbox, endpoint: Stripe.WebhookEndpoint, params: Params) {
  const events = parseEvents(params, false);
  if (events) endpoint.enabled_events = events;
  const url = optionalString(params, "url");
  if (url) endpoint.url = parseUrl(url);
  const description = optionalString(params, "description");
  if (description !== undefined) endpoint.description = description || null;
  const disabled = optionalBoolean(params, "disabled");
  if (disabled !== undefined) endpoint.status = disabled ? "disabled" : "enabled";
  endpoint.metadata = applyMetadata(endpoint.metadata, params);
  sb.touch();
  return endpoint;
}

export function deleteWebhookEndpoint(sb: Sandbox, id: string) {
  retrieveWebhookEndpoint(sb, id);
  delete sb.state.webhookEndpoints[id];
  sb.touch();
  return { id, object: "webhook_endpoint", deleted: true };
}
