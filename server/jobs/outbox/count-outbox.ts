import { Prisma, type PrismaClient } from "../../db/client";

export type DeliveryCounts = {
  received: number;
  processed: number;
  pending: number;
  dead: number;
  /** When the oldest effect still pending was written (null when none is). */
  oldestPendingAt: Date | null;
};

export type CountRow = { received: bigint; processed: bigint; pending: bigint; dead: bigint; oldest: Date | null };

/** Which effects to count: all of them, or only some kinds and/or subjects (a room's own, a test's own). */
export type OutboxScope = { kinds?: readonly string[]; subjectIds?: readonly string[] };

/**
 * The outbox's accounting, in one cheap indexed query: every effect ever written is processed
 * (done or discarded), pending or dead, so received = processed + pending + dead at every moment.
 * Received counts every row whatever its status, so a status outside the four breaks the identity.
 */
export async function countOutbox(prisma: PrismaClient, scope: OutboxScope = {}): Promise<DeliveryCounts> {
  const conditions = [Prisma.sql`TRUE`];
  if (scope.kinds) conditions.push(Prisma.sql`kind = ANY(${[...scope.kinds]}::text[])`);
  if (scope.subjectIds) conditions.push(Prisma.sql`subject_id = ANY(${[...scope.subjectIds]}::text[])`);
  const [row] = await prisma.$queryRaw<CountRow[]>`
    SELECT count(*) AS received,
           count(*) FILTER (WHERE status IN ('done', 'discarded')) AS processed,
           count(*) FILTER (WHERE status = 'pending') AS pending,
           count(*) FILTER (WHERE status = 'dead') AS dead,
           min(created_at) FILTER (WHERE status = 'pending') AS oldest
      FROM outbox_effects
     WHERE ${Prisma.join(conditions, " AND ")}`;
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
