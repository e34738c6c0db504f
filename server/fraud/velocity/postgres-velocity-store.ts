import type { PrismaClient, Tx } from "../../db/client";
import { DAY_MS, HOUR_MS, NO_COUNTS, subjectKey, type VelocityCounts, type VelocityStore } from "./velocity-store";

/**
 * Velocity in PostgreSQL when Redis is not configured: one row per event, counted over an index
 * on (subject, kind, time). Rows older than a day are useless; `pruneVelocityEvents` drops them.
 */
export function postgresVelocityStore(prisma: PrismaClient | Tx): VelocityStore {
  return {
    name: "postgres",
    async record(subjects, kind, at) {
      if (subjects.length === 0) return;
      await prisma.fraudVelocityEvent.createMany({
        data: subjects.map((subject) => ({
          subjectKind: subject.kind,
          subjectValue: subjectKey(subject),
          kind,
          occurredAt: at,
        })),
      });
    },
    async counts(subjects, at) {
      const counts = new Map<string, VelocityCounts>();
      if (subjects.length === 0) return counts;
      const keys = subjects.map(subjectKey);
      const hourAgo = new Date(at.getTime() - HOUR_MS);
      const dayAgo = new Date(at.getTime() - DAY_MS);
      const rows = await prisma.$queryRaw<
        { subject_value: string; kind: string; hour: bigint; day: bigint }[]
      >`SELECT subject_value, kind,
               count(*) FILTER (WHERE occurred_at >= ${hourAgo}) AS hour,
               count(*) AS day
          FROM fraud_velocity_events
         WHERE subject_value = ANY(${keys}::text[])
           AND occurred_at >= ${dayAgo} AND occurred_at < ${at}
         GROUP BY subject_value, kind`;
      for (const key of keys) counts.set(key, { ...NO_COUNTS });
      for (const row of rows) {
        const entry = counts.get(row.subject_value);
        if (!entry) continue;
        if (row.kind === "attempt") {
          entry.attemptsHour = Number(row.hour);
          entry.attemptsDay = Number(row.day);
        } else {
          entry.declinesHour = Number(row.hour);
          entry.declinesDay = Number(row.day);
        }
      }
      return counts;
    },
  };
}

export async function pruneVelocityEvents(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.fraudVelocityEvent.deleteMany({
    where: { occurredAt: { lt: new Date(now.getTime() - DAY_MS) } },
  });
  return count;
}
