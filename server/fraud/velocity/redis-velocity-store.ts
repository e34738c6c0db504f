import { createHash, randomBytes } from "node:crypto";
import type { ChainableCommander, Redis } from "ioredis";
import {
  DAY_MS,
  HOUR_MS,
  subjectKey,
  type VelocityCounts,
  type VelocityEventKind,
  type VelocityStore,
  type VelocitySubject,
} from "./velocity-store";

type Reply = [Error | null, unknown];

/**
 * One sorted set per subject and event kind, scored by time. Adding an event, trimming what fell
 * out of the day and renewing the key's expiry run in one MULTI, so concurrent checkouts never
 * lose a count and a key never outlives its window. A checkout's counts and its own attempt are
 * one MULTI too (one round trip): the counts run first and stop strictly before `at`, so they
 * never include the attempt being added. Subjects are hashed: no email in a key name.
 */
export function redisVelocityStore(redis: Redis, prefix: string): VelocityStore {
  const key = (subject: VelocitySubject, kind: VelocityEventKind) =>
    `${prefix}:velocity:${kind}:${createHash("sha256").update(subjectKey(subject)).digest("base64url")}`;

  const queueCounts = (batch: ChainableCommander, subjects: readonly VelocitySubject[], now: number) => {
    // Strictly before `at`: the exclusive bound "(" keeps the current attempt out of its own count.
    for (const subject of subjects) {
      for (const kind of ["attempt", "decline"] as const) {
        batch.zcount(key(subject, kind), now - HOUR_MS, `(${now}`);
        batch.zcount(key(subject, kind), now - DAY_MS, `(${now}`);
      }
    }
  };
  const queueRecord = (
    batch: ChainableCommander,
    subjects: readonly VelocitySubject[],
    kind: VelocityEventKind,
    score: number,
  ) => {
    for (const subject of subjects) {
      const name = key(subject, kind);
      batch
        .zadd(name, score, `${score}:${randomBytes(6).toString("hex")}`)
        .zremrangebyscore(name, "-inf", score - DAY_MS)
        .pexpire(name, DAY_MS);
    }
  };
  const checked = (results: Reply[] | null): Reply[] => {
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error("Redis discarded the velocity transaction");
    return results;
  };
  const countsFrom = (subjects: readonly VelocitySubject[], results: Reply[]) => {
    const counts = new Map<string, VelocityCounts>();
    subjects.forEach((subject, index) => {
      const value = (offset: number) => {
        const [error, count] = results[index * 4 + offset] ?? [new Error("missing reply"), 0];
        if (error) throw error;
        return Number(count);
      };
      counts.set(subjectKey(subject), {
        attemptsHour: value(0),
        attemptsDay: value(1),
        declinesHour: value(2),
        declinesDay: value(3),
      });
    });
    return counts;
  };

  return {
    name: "redis",
    async record(subjects, kind, at) {
      const transaction = redis.multi();
      queueRecord(transaction, subjects, kind, at.getTime());
      checked(await transaction.exec());
    },
    async counts(subjects, at) {
      const pipeline = redis.pipeline();
      queueCounts(pipeline, subjects, at.getTime());
      return countsFrom(subjects, (await pipeline.exec()) ?? []);
    },
    async countAndRecord(subjects, kind, at) {
      const transaction = redis.multi();
      queueCounts(transaction, subjects, at.getTime());
      queueRecord(transaction, subjects, kind, at.getTime());
      return countsFrom(subjects, checked(await transaction.exec()));
    },
  };
}
