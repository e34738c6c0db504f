import type { PrismaClient } from "../../db/client";

export type DeliveryCounts = {
  received: number;
  processed: number;
  pending: number;
  dead: number;
  /** When the oldest effect still pending was written (null when none is). */
  oldestPendingAt: Date | null;
};

export type CountRow = { received: bigint; processed: bigint; pending: bigint; dead: bigint; oldest: Date | null };

/**
 * The outbox's accounting, in one cheap indexed query: every effect ever written is processed
 * (done or discarded), pending or dead, so received = processed + pending + dead at every moment.
 */
export async function countOutbox(prisma: PrismaClient): Promise<DeliveryCounts> {
  const [row] = await prisma.$queryRaw<CountRow[]>`
    SELECT count(*) AS received,
           count(*) FILTER (WHERE status IN ('done', 'discarded')) AS processed,
           count(*) FILTER (WHERE status = 'pending') AS pending,
           count(*) FILTER (WHERE status = 'dead') AS dead,
           min(created_at) FILTER (WHERE status = 'pending') AS oldest
      FROM outbox_effects`;
  return deliveryCounts(row!);
}

/** The counting query's row (bigint counts) as numbers. */
export function deliveryCounts(row: CountRow): DeliveryCounts {
  return {
    received: Number(row.received),
    processed: Number(row.processed),
    pending: Number(row.pending),
    dead: Number(row.dead),
    oldestPendingAt: row.oldest,
  };
}
