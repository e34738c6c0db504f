// Stripe ids have a short lowercase prefix, an underscore and a mixed-case or numbered tail
// (pi_3Pq…, re_1Nx…); resource words such as payment_intents or test_helpers do not.
const STRIPE_ID = /^[a-z]{2,6}_(?=[A-Za-z0-9_]*[A-Z0-9])[A-Za-z0-9_]{6,}$/;

/** A Stripe request path as a metric label: ids replaced, query dropped (`/v1/refunds/:id`). */
export function stripeEndpoint(path: string): string {
  const withoutQuery = path.split("?")[0] ?? path;
  return withoutQuery
    .split("/")
    .map((segment) => (STRIPE_ID.test(segment) ? ":id" : segment))
    .join("/");
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
