import type { PrismaClient } from "../db/client";
import { metrics } from "../observability/metrics";
import type { ClaimedEvent } from "./claim-inbox-events";

/**
 * Event types whose handler reads only the PaymentIntent (the order follows it) and writes
 * nothing once that PaymentIntent is settled (succeeded with its capture posted, or canceled).
 * payment_intent.payment_failed is not here: it also counts a decline for the fraud rules.
 */
const DECIDED_BY_PAYMENT_INTENT = new Set([
  "payment_intent.created",
  "payment_intent.requires_action",
  "payment_intent.processing",
  "payment_intent.amount_capturable_updated",
  "payment_intent.succeeded",
  "payment_intent.canceled",
  "charge.succeeded",
  "charge.failed",
  "charge.captured",
  "charge.updated",
]);

type EventObject = { object?: string; id?: string; payment_intent?: unknown };

/** The PaymentIntent that alone decides what this event changes, or null. */
function decidingPaymentIntent(event: ClaimedEvent): string | null {
  if (!DECIDED_BY_PAYMENT_INTENT.has(event.type)) return null;
  const object = (event.payload as { data?: { object?: EventObject } } | null)?.data?.object;
  const id = object?.object === "payment_intent" ? object.id : object?.payment_intent;
  return typeof id === "string" && id.startsWith("pi_") ? id : null;
}

/**
 * Marks stale, in one statement, every claimed order whose events are all about one PaymentIntent
 * that is already settled: what processing each would conclude (see isSettled in
 * apply-payment-intent-change.ts) without a round trip per event. An order is taken whole or not
 * at all, so its events still end in the order they arrived. Returns the events it marked, and
 * the PaymentIntents it found not settled (their first event need not ask again).
 */
export async function markSettledEvents(
  prisma: PrismaClient,
  orders: ClaimedEvent[][],
): Promise<{ marked: Set<string>; unsettled: Set<string> }> {
  const eventIds: string[] = [];
  const paymentIntents: string[] = [];
  for (const events of orders) {
    const deciding = events.map(decidingPaymentIntent);
    const first = deciding[0];
    if (!first || deciding.some((paymentIntent) => paymentIntent !== first)) continue;
    for (const event of events) {
      eventIds.push(event.stripeEventId);
      paymentIntents.push(first);
    }
  }
  if (eventIds.length === 0) return { marked: new Set(), unsettled: new Set() };
  const marked = await prisma.$queryRaw<{ stripe_event_id: string; type: string; received_at: Date }[]>`
    UPDATE stripe_events e
       SET processed_at = clock_timestamp(), attempts = e.attempts + 1, last_error = NULL,
           claimed_by = NULL, claimed_until = NULL, outcome = 'stale'
      FROM unnest(${eventIds}::text[], ${paymentIntents}::text[]) AS c(stripe_event_id, payment_intent_id)
      JOIN payments p ON p.stripe_payment_intent_id = c.payment_intent_id
     WHERE e.stripe_event_id = c.stripe_event_id AND e.processed_at IS NULL
       AND (p.status = 'canceled' OR (p.status = 'succeeded' AND EXISTS (
             SELECT 1 FROM ledger_transactions t
              WHERE t.stripe_payment_intent_id = p.stripe_payment_intent_id AND t.kind = 'payment_captured')))
    RETURNING e.stripe_event_id, e.type, e.received_at`;
  const m = metrics();
  const now = Date.now();
  for (const event of marked) {
    m.eventsProcessed.inc({ type: event.type, outcome: "stale" });
    m.processingLagSeconds.observe({ type: event.type }, (now - event.received_at.getTime()) / 1000);
  }
  const markedIds = new Set(marked.map((event) => event.stripe_event_id));
  const unsettled = new Set(paymentIntents.filter((_, index) => !markedIds.has(eventIds[index]!)));
  return { marked: markedIds, unsettled };
}
