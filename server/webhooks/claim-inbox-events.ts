import type { PrismaClient } from "../db/client";

/** An event a worker claimed: what processing needs, read in the claim itself. */
export type ClaimedEvent = {
  id: string;
  stripeEventId: string;
  type: string;
  payload: unknown;
  orderKey: string;
  receivedAt: Date;
};

export type ClaimOptions = { workerId: string; limit: number; leaseMs: number };

/**
 * Claims up to `limit` waiting events for one worker, oldest first, in one statement. Rows another
 * worker is claiming at this moment are skipped (FOR UPDATE SKIP LOCKED), so any number of workers
 * share the inbox and never take the same row. An event is only claimed when no earlier event of
 * its order is still waiting outside this claim (held by another worker, or claimed by nobody yet),
 * so each order's events are processed one at a time, in the order they arrived. An earlier event
 * waiting out a retry's backoff does not hold its order back, and neither does a dead letter.
 */
export async function claimInboxEvents(prisma: PrismaClient, options: ClaimOptions): Promise<ClaimedEvent[]> {
  const rows = await prisma.$queryRaw<
    { id: string; stripe_event_id: string; type: string; payload: unknown; order_key: string; received_at: Date }[]
  >`
    WITH candidates AS (
      SELECT id, order_key, received_at FROM stripe_events
       WHERE processed_at IS NULL AND dead_at IS NULL AND (claimed_until IS NULL OR claimed_until <= now())
       ORDER BY received_at, id
       LIMIT ${options.limit}
       FOR UPDATE SKIP LOCKED
    ), claimable AS (
      SELECT c.id FROM candidates c
       WHERE NOT EXISTS (
         SELECT 1 FROM stripe_events e
          WHERE e.order_key = c.order_key AND e.processed_at IS NULL AND e.dead_at IS NULL
            AND (e.received_at, e.id) < (c.received_at, c.id)
            AND NOT (e.claimed_by IS NULL AND e.claimed_until IS NOT NULL AND e.claimed_until > now())
            AND e.id NOT IN (SELECT id FROM candidates))
    )
    UPDATE stripe_events s
       SET claimed_by = ${options.workerId},
           claimed_until = now() + make_interval(secs => ${options.leaseMs / 1000})
      FROM claimable WHERE s.id = claimable.id
    RETURNING s.id, s.stripe_event_id, s.type, s.payload, s.order_key, s.received_at`;
  return rows
    .map((row) => ({
      id: row.id,
      stripeEventId: row.stripe_event_id,
      type: row.type,
      payload: row.payload,
      orderKey: row.order_key,
      receivedAt: row.received_at,
    }))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Gives a failed event back to the inbox, due again after a backoff that doubles per attempt
 * (250 ms up to 30 s, with jitter); only the claiming worker's claim is released.
 */
export async function releaseAfterFailure(
  prisma: PrismaClient,
  stripeEventId: string,
  workerId: string,
): Promise<void> {
  await prisma.$executeRaw`
    UPDATE stripe_events
       SET claimed_by = NULL,
           claimed_until = now() + make_interval(secs => least(30, 0.25 * power(2, greatest(attempts - 1, 0)))
                                                 * (0.5 + random() / 2))
     WHERE stripe_event_id = ${stripeEventId} AND claimed_by = ${workerId}`;
}

/** Extends this worker's claims on the events it still holds; returns how many. */
export async function renewClaims(prisma: PrismaClient, workerId: string, leaseMs: number): Promise<number> {
  return prisma.$executeRaw`
    UPDATE stripe_events SET claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE claimed_by = ${workerId} AND processed_at IS NULL AND dead_at IS NULL`;
}
