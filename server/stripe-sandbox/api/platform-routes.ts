import { resourceMissing } from "../http/errors";
import { optionalString, optionalStringArray } from "../http/params";
import { createFile, retrieveFile } from "../resources/files";
import { createPaymentMethod, retrievePaymentMethod } from "../resources/payment-methods";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  retrieveWebhookEndpoint,
  updateWebhookEndpoint,
  withoutSecret,
} from "../resources/webhook-endpoints";
import { paginate } from "./list";
import { type Route, route } from "./route";

export const platformRoutes: Route[] = [
  route("POST", "/v1/files", (ctx) => createFile(ctx.sb, ctx.params, ctx.files)),
  route("GET", "/v1/files", (ctx) => {
    const purpose = optionalString(ctx.params, "purpose");
    return paginate(
      Object.values(ctx.sb.state.files),
      ctx.params,
      "/v1/files",
      (file) => !purpose || file.purpose === purpose,
    );
  }),
  route("GET", "/v1/files/:id", (ctx) => retrieveFile(ctx.sb, ctx.path[0]!)),
  route("POST", "/v1/payment_methods", (ctx) => createPaymentMethod(ctx.sb, ctx.params)),
  route("GET", "/v1/payment_methods/:id", (ctx) => retrievePaymentMethod(ctx.sb, ctx.path[0]!)),
  route("POST", "/v1/webhook_endpoints", (ctx) => createWebhookEndpoint(ctx.sb, ctx.params)),
  route("GET", "/v1/webhook_endpoints", (ctx) => {
    const list = paginate(Object.values(ctx.sb.state.webhookEndpoints), ctx.params, "/v1/webhook_endpoints");
    return { ...list, data: list.data.map(withoutSecret) };
  }),
  route("GET", "/v1/webhook_endpoints/:id", (ctx) => withoutSecret(retrieveWebhookEndpoint(ctx.sb, ctx.path[0]!))),
  route("POST", "/v1/webhook_endpoints/:id", (ctx) =>
    withoutSecret(updateWebhookEndpoint(ctx.sb, retrieveWebhookEndpoint(ctx.sb, ctx.path[0]!), ctx.params)),
  ),
  route("DELETE", "/v1/webhook_endpoints/:id", (ctx) => deleteWebhookEndpoint(ctx.sb, ctx.path[0]!)),
  route("GET", "/v1/events", (ctx) => {
    const type = optionalString(ctx.params, "type");
    const types = optionalStringArray(ctx.params, "types");
    // `type` accepts a trailing wildcard, e.g. charge.dispute.*
    const matches = (eventType: string) =>
      (!type || (type.endsWith("*") ? eventType.startsWith(type.slice(0, -1)) : eventType === type)) &&
      (!types || types.includes(eventType));
    return paginate(Object.values(ctx.sb.state.events), ctx.params, "/v1/events", (event) => matches(event.type));
  }),
  route("GET", "/v1/events/:id", (ctx) => {
    const event = ctx.sb.state.events[ctx.path[0]!];
    if (!event) throw resourceMissing("event", ctx.path[0]!);
    return event;
  }),
];
