import type { PrismaClient } from "../db/client";

const AGE_BUCKETS = [
  { label: "Under 2 days", maxDays: 2 },
  { label: "2–7 days", maxDays: 7 },
  { label: "7–30 days", maxDays: 30 },
  { label: "Over 30 days", maxDays: null },
] as const;

/** Finance's first screen: what is unreconciled per currency, breaks by type and age, the last runs. */
export async function reconciliationOverview(prisma: PrismaClient, now = new Date()) {
  const unreconciled = await prisma.$queryRaw<{ currency: string; amount: bigint; breaks: bigint }[]>`
    SELECT coalesce("currency", '---')::text AS currency, sum(abs("amount_minor"))::bigint AS amount, count(*) AS breaks
      FROM "reconciliation_breaks" WHERE "status" <> 'resolved'
     GROUP BY 1 ORDER BY 1`;
  const byTypeAndAge = await prisma.$queryRaw<{ type: string; bucket: number; breaks: bigint }[]>`
    SELECT "type",
           CASE WHEN "occurred_at" > ${now}::timestamptz - interval '2 days' THEN 0
                WHEN "occurred_at" > ${now}::timestamptz - interval '7 days' THEN 1
                WHEN "occurred_at" > ${now}::timestamptz - interval '30 days' THEN 2 ELSE 3 END AS bucket,
           count(*) AS breaks
      FROM "reconciliation_breaks" WHERE "status" <> 'resolved'
     GROUP BY 1, 2 ORDER BY 1, 2`;
  const runs = await listRuns(prisma, 10);
  return {
    unreconciled: unreconciled.map((row) => ({
      currency: row.currency,
      amountMinor: Number(row.amount),
      breaks: Number(row.breaks),
    })),
    ageBuckets: AGE_BUCKETS.map((bucket) => bucket.label),
    byTypeAndAge: byTypeAndAge.map((row) => ({ type: row.type, bucket: row.bucket, breaks: Number(row.breaks) })),
    runs,
  };
}

/** The latest runs with their progress (rows read so far while running), counts and duration. */
export async function listRuns(prisma: PrismaClient, limit = 50) {
  const runs = await prisma.reconciliationRun.findMany({ orderBy: { startedAt: "desc" }, take: limit });
  return runs.map((run) => {
    const counts = run.counts as { breaks?: Record<string, number>; timing?: number };
    return {
      id: run.id,
      windowFrom: run.windowFrom,
      windowTo: run.windowTo,
      source: run.source,
      trigger: run.trigger,
      status: run.status,
      stage: run.stage,
      rowsRead: run.rowsRead,
      breaks: Object.values(counts.breaks ?? {}).reduce((sum, n) => sum + n, 0),
      timing: counts.timing ?? 0,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      error: run.error,
    };
  });
}
