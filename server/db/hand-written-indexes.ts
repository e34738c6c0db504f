/**
 * Indexes that migrations create by hand because Prisma's schema cannot express them (expression
 * indexes). The drift check expects exactly these beyond what the schema describes.
 */
export const HAND_WRITTEN_INDEXES = [
  {
    name: "customers_email_lower_prefix_idx",
    why: "the orders table's case-insensitive email prefix filter: lower(email) LIKE 'prefix%'",
  },
  {
    name: "stripe_events_payment_intent_idx",
    why: "the order page's Stripe events: COALESCE(payload #>> '{data,object,payment_intent}', payload #>> '{data,object,id}')",
  },
] as const;
