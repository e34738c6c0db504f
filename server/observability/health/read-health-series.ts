import type { PrismaClient } from "../../db/client";

/** The Health page's two windows: the last 24 hours by hour, the last 30 days by day. */
export const HEALTH_WINDOWS = {
  day: { buckets: 24, bucketSeconds: 3_600 },
  month: { buckets: 30, bucketSeconds: 86_400 },
} as const;
export type HealthWindow = keyof typeof HEALTH_WINDOWS;

/** One bucket of the pipeline's signals; backlog figures are as they stood at the bucket's end. */
export type HealthPoint = {
  /** The bucket's start, ISO 8601. */
  at: string;
  eventsReceived: number;
  eventsProcessed: number;
  inboxBacklog: number;
  inboxOldestAgeSeconds: number;
  jobsSucceeded: number;
  jobsFailed: number;
  refundsSucceeded: number;
  refundsFailed: number;
  checkoutAttempts: number;
  checkoutAuthorised: number;
  checkoutDeclined: number;
  deadLetters: number;
  outboxDepth: number;
};

type Row = { [K in keyof HealthPoint]: K extends "at" ? Date : number | bigint | null };

/**
 * The signals the alerts watch, computed from the database per bucket: so the history survives
 * restarts and needs no Prometheus. The last bucket ends now, so its backlog is the current one.
 * Each subquery is bounded by the window and backed by a (time) index.
 */
export async function readHealthSeries(
  prisma: PrismaClient,
  window: HealthWindow,
  now = new Date(),
): Promise<HealthPoint[]> {
  const { buckets, bucketSeconds } = HEALTH_WINDOWS[window];
  const rows = await prisma.$queryRaw<Row[]>`
    WITH edges AS (
      SELECT ${now}::timestamptz - make_interval(secs => ${bucketSeconds} * (n + 1)) AS "from",
             ${now}::timestamptz - make_interval(secs => ${bucketSeconds} * n) AS "to"
      FROM generate_series(0, ${buckets - 1}) AS n
    )
    SELECT e."from" AS at,
      (SELECT count(*) FROM stripe_events s WHERE s.received_at >= e."from" AND s.received_at < e."to") AS "eventsReceived",
      (SELECT count(*) FROM stripe_events s WHERE s.processed_at >= e."from" AND s.processed_at < e."to" AND s.outcome IS DISTINCT FROM 'discarded') AS "eventsProcessed",
      (SELECT count(*) FROM stripe_events s WHERE s.received_at <= e."to"
         AND (s.processed_at IS NULL OR s.processed_at > e."to") AND (s.dead_at IS NULL OR s.dead_at > e."to")) AS "inboxBacklog",
      (SELECT coalesce(extract(epoch FROM e."to" - min(s.received_at)), 0)::float8 FROM stripe_events s WHERE s.received_at <= e."to"
         AND (s.processed_at IS NULL OR s.processed_at > e."to") AND (s.dead_at IS NULL OR s.dead_at > e."to")) AS "inboxOldestAgeSeconds",
      (SELECT count(*) FROM job_runs j WHERE j.started_at >= e."from" AND j.started_at < e."to" AND j.status = 'succeeded') AS "jobsSucceeded",
      (SELECT count(*) FROM job_runs j WHERE j.started_at >= e."from" AND j.started_at < e."to" AND j.status IN ('failed', 'exhausted')) AS "jobsFailed",
      (SELECT count(*) FROM refunds r WHERE r.updated_at >= e."from" AND r.updated_at < e."to" AND r.status = 'succeeded') AS "refundsSucceeded",
      (SELECT count(*) FROM refunds r WHERE r.updated_at >= e."from" AND r.updated_at < e."to" AND r.status IN ('failed', 'canceled')) AS "refundsFailed",
      (SELECT count(*) FROM payments p WHERE p.created_at >= e."from" AND p.created_at < e."to") AS "checkoutAttempts",
      (SELECT count(*) FROM payments p WHERE p.created_at >= e."from" AND p.created_at < e."to" AND p.authorised_at IS NOT NULL) AS "checkoutAuthorised",
      (SELECT count(*) FROM payments p WHERE p.created_at >= e."from" AND p.created_at < e."to" AND p.authorised_at IS NULL AND p.decline_code IS NOT NULL) AS "checkoutDeclined",
      (SELECT count(*) FROM stripe_events s WHERE s.dead_at >= e."from" AND s.dead_at < e."to")
        + (SELECT count(*) FROM outbox_effects o WHERE o.status = 'dead' AND o.updated_at >= e."from" AND o.updated_at < e."to") AS "deadLetters",
      (SELECT count(*) FROM outbox_effects o WHERE o.created_at <= e."to" AND CASE o.status
         WHEN 'pending' THEN true WHEN 'done' THEN o.completed_at > e."to" ELSE o.updated_at > e."to" END) AS "outboxDepth"
    FROM edges e
    ORDER BY e."from"`;
  return rows.map((row) => {
    const point = { at: row.at.toISOString() } as HealthPoint;
    for (const [key, value] of Object.entries(row)) {
      if (key !== "at") (point as unknown as Record<string, number>)[key] = Number(value ?? 0);
    }
    return point;
  });
}
