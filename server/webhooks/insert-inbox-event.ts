import type { PrismaClient } from "../db/client";
import { isHandledEventType } from "./handled-event-types";
import type { InboxEvent } from "./parse-stripe-webhook";

// One statement, no read first: a duplicate delivery costs one index probe. Types PayOps does not
// act on arrive already marked processed (ignored), so nothing ever picks them up.
const INSERT_SQL = `
INSERT INTO stripe_events (id, stripe_event_id, type, livemode, payload, stripe_created_at, processed_at, outcome)
VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb, to_timestamp($5),
        CASE WHEN $6 THEN NULL ELSE now() END, CASE WHEN $6 THEN NULL ELSE 'ignored' END)
ON CONFLICT (stripe_event_id) DO NOTHING`;

/** Stores the event in the inbox; true when it is new (and handled), so processing should be dispatched. */
export async function insertInboxEvent(prisma: PrismaClient, event: InboxEvent): Promise<boolean> {
  const handled = isHandledEventType(event.type);
  const inserted = await prisma.$executeRawUnsafe(
    INSERT_SQL,
    event.stripeEventId,
    event.type,
    event.livemode,
    event.rawBody,
    event.createdSeconds,
    handled,
  );
  return inserted === 1 && handled;
}
