import { Prisma, type PrismaClient, type Tx } from "../../db/client";
import {
  DAY_MS,
  HOUR_MS,
  NO_COUNTS,
  subjectKey,
  type VelocityCounts,
  type VelocityEventKind,
  type VelocityStore,
  type VelocitySubject,
} from "./velocity-store";

type CountRow = { subject_value: string; kind: string; hour: bigint; day: bigint };

/**
 * The window's counts per subject and kind, as a statement part: the subjects are matched on
 * (subject_kind, subject_value), the leading columns of the table's index, so each count reads
 * only that subject's rows of the last day, however many other subjects the table holds.
 */
function countsSql(subjects: readonly VelocitySubject[], at: Date): Prisma.Sql {
  const kinds = subjects.map((subject) => subject.kind);
  const keys = subjects.map(subjectKey);
  return Prisma.sql`
    SELECT e.subject_value, e.kind,
           count(*) FILTER (WHERE e.occurred_at >= ${new Date(at.getTime() - HOUR_MS)}) AS hour,
           count(*) AS day
      FROM fraud_velocity_events e
      JOIN unnest(${kinds}::text[], ${keys}::text[]) AS wanted(subject_kind, subject_value)
        ON e.subject_kind = wanted.subject_kind AND e.subject_value = wanted.subject_value
     WHERE e.occurred_at >= ${new Date(at.getTime() - DAY_MS)} AND e.occurred_at < ${at}
     GROUP BY e.subject_value, e.kind`;
}

function countsFrom(subjects: readonly VelocitySubject[], rows: CountRow[]): Map<string, VelocityCounts> {
  const counts = new Map<string, VelocityCounts>();
  for (const subject of subjects) counts.set(subjectKey(subject), { ...NO_COUNTS });
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
}

function insertSql(
  subjects: readonly VelocitySubject[],
  kind: VelocityEventKind,
  at: Date,
  asynchronousCommit = false,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO fraud_velocity_events (subject_kind, subject_value, kind, occurred_at)
    SELECT subject_kind, subject_value, ${kind}, ${at}
      FROM unnest(${subjects.map((subject) => subject.kind)}::text[], ${subjects.map(subjectKey)}::text[])
        AS added(subject_kind, subject_value)
     ${asynchronousCommit ? Prisma.sql`WHERE set_config('synchronous_commit', 'off', true) = 'off'` : Prisma.empty}`;
}

/**
 * Velocity in PostgreSQL when Redis is not configured: one row per event, counted over an index
 * on (subject kind, subject, kind, time). A checkout's counts and its own attempt are one
 * statement: the insert runs in a data-modifying CTE, which the count (same snapshot, and
 * strictly before `at`) does not see. Rows older than a day are useless; `pruneVelocityEvents`
 * drops them.
 */
export function postgresVelocityStore(prisma: PrismaClient | Tx): VelocityStore {
  return {
    name: "postgres",
    async record(subjects, kind, at) {
      if (subjects.length === 0) return;
      await prisma.$executeRaw(insertSql(subjects, kind, at));
    },
    async counts(subjects, at) {
      if (subjects.length === 0) return new Map();
      return countsFrom(subjects, await prisma.$queryRaw<CountRow[]>(countsSql(subjects, at)));
    },
    async countAndRecord(subjects, kind, at) {
      if (subjects.length === 0) return new Map();
      // A checkout's own attempt is a hint for later rules, not money: its statement commits
      // without waiting for the WAL to reach the disk (synchronous_commit off for this one
      // transaction, set by the insert itself), so a slow disk never stalls a checkout. A crash
      // can lose the last fraction of a second of attempts; nothing is ever half-written.
      const rows = await prisma.$queryRaw<CountRow[]>`
        WITH added AS (${insertSql(subjects, kind, at, true)} RETURNING 1)
        ${countsSql(subjects, at)}`;
      return countsFrom(subjects, rows);
    },
  };
}

export async function pruneVelocityEvents(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.fraudVelocityEvent.deleteMany({
    where: { occurredAt: { lt: new Date(now.getTime() - DAY_MS) } },
  });
  return count;
}
