import { Prisma, type PrismaClient } from "../db/client";
import { type CountRow, type DeliveryCounts, deliveryCounts } from "../jobs/outbox/count-outbox";

/**
 * The inbox's accounting: every event stored is processed (applied, stale, ignored or discarded),
 * pending (waiting or retrying) or dead (parked after too many failures), so
 * received = processed + pending + dead at every moment; for the whole inbox, or only some events.
 */
export async function countInbox(
  prisma: PrismaClient,
  scope: { stripeEventIds?: readonly string[] } = {},
): Promise<DeliveryCounts> {
  const where = scope.stripeEventIds
    ? Prisma.sql`stripe_event_id = ANY(${[...scope.stripeEventIds]}::text[])`
    : Prisma.sql`TRUE`;
  const [row] = await prisma.$queryRaw<CountRow[]>`
    SELECT count(*) AS received,
           count(*) FILTER (WHERE processed_at IS NOT NULL) AS processed,
           count(*) FILTER (WHERE processed_at IS NULL AND dead_at IS NULL) AS pending,
           count(*) FILTER (WHERE processed_at IS NULL AND dead_at IS NOT NULL) AS dead,
           min(received_at) FILTER (WHERE processed_at IS NULL AND dead_at IS NULL) AS oldest
      FROM stripe_events
     WHERE ${where}`;
  return deliveryCounts(row!);
}
