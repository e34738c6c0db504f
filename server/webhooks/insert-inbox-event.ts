import pg from "pg";
import { registerPool } from "../db/pool-registry";
import { serverEnv } from "../env";
import { activeTraceIds } from "../observability/tracing";
import { isHandledEventType } from "./handled-event-types";
import type { InboxEvent } from "./parse-stripe-webhook";

// One statement, no read first: a duplicate delivery costs one index probe. Types PayOps does not
// act on arrive already marked processed (ignored), so nothing ever picks them up. An object that
// names no order (a dispute) is keyed by its PaymentIntent's order, one more index probe.
const INSERT_SQL = `
INSERT INTO stripe_events (id, stripe_event_id, type, livemode, payload, order_key, stripe_created_at, processed_at, outcome, trace_id)
VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb,
        COALESCE((SELECT p.order_id::text FROM payments p WHERE p.stripe_payment_intent_id = $8::text), $7),
        COALESCE(to_timestamp($5::double precision), now()),
        CASE WHEN $6 THEN NULL ELSE now() END, CASE WHEN $6 THEN NULL ELSE 'ignored' END, $9)
ON CONFLICT (stripe_event_id) DO NOTHING
RETURNING order_key`;

/** Anything that runs a parameterised statement and reports the rows it touched (a pg Pool). */
export type InboxDatabase = {
  query: (sql: string, params: unknown[]) => Promise<{ rowCount: number | null; rows: unknown[] }>;
};

/**
 * Stores the event in the inbox. When it is new (and handled), returns the order key it was stored
 * under, for the dispatch; otherwise false.
 */
export async function insertInboxEvent(
  database: InboxDatabase,
  event: InboxEvent,
): Promise<false | { orderKey: string }> {
  const handled = isHandledEventType(event.type);
  const result = await database.query(INSERT_SQL, [
    event.stripeEventId,
    event.type,
    event.livemode,
    event.rawBody,
    event.createdSeconds,
    handled,
    event.orderKey,
    event.paymentIntentId,
    // The receiving request's trace, so the order timeline can link the receipt to it.
    activeTraceIds()?.traceId ?? null,
  ]);
  const stored = result.rows[0] as { order_key: string } | undefined;
  return result.rowCount === 1 && handled && stored ? { orderKey: stored.order_key } : false;
}

const holder = globalThis as unknown as { payopsInboxPool?: pg.Pool };

/**
 * A small pool of its own for the webhook route: the insert is the whole request, and plain pg
 * does it with far fewer promises than the ORM, which matters under a request-scoped async context.
 */
export function inboxPool(): pg.Pool {
  if (!holder.payopsInboxPool) {
    const url = serverEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    holder.payopsInboxPool = new pg.Pool({ connectionString: url, max: 10 });
    registerPool("webhook_inbox", holder.payopsInboxPool);
  }
  return holder.payopsInboxPool;
}
