/**
 * Stripe ids have a short lowercase prefix, an underscore and a mixed-case or numbered tail
 * (pi_3Pq…, re_1Nx…); resource words such as payment_intents or test_helpers do not.
 */
export const STRIPE_ID = /^[a-z]{2,6}_(?=[A-Za-z0-9_]*[A-Z0-9])[A-Za-z0-9_]{6,}$/;

/** A path as a label: the query dropped, each segment `isId` accepts written `:id` (`/v1/refunds/:id`). */
export function pathTemplate(path: string, isId: (segment: string) => boolean): string {
  const withoutQuery = path.split("?")[0] ?? path;
  return withoutQuery
    .split("/")
    .map((segment) => (isId(segment) ? ":id" : segment))
    .join("/");
}
