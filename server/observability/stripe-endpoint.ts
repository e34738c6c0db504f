import { pathTemplate, STRIPE_ID } from "./path-template";

/** A Stripe request path as a metric label: ids replaced, query dropped (`/v1/refunds/:id`). */
export function stripeEndpoint(path: string): string {
  return pathTemplate(path, (segment) => STRIPE_ID.test(segment));
}

/** The outcome of one Stripe HTTP request: 402 is a card's answer, not an API error. */
export function stripeOutcome(
  status: number | null,
): "ok" | "card_error" | "client_error" | "rate_limited" | "server_error" | "network_error" {
  if (status === null) return "network_error";
  if (status < 400) return "ok";
  if (status === 402) return "card_error";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "client_error";
}
