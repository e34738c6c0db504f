import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import {
  DAY_MS,
  HOUR_MS,
  subjectKey,
  type VelocityCounts,
  type VelocityEventKind,
  type VelocityStore,
  type VelocitySubject,
} from "./velocity-store";

/**
 * One sorted set per subject and event kind, scored by time. Adding an event, trimming what fell
 * out of the day and renewing the key's expiry run in one MULTI, so concurrent checkouts never
 * lose a count and a key never outlives its window. Subjects are hashed: no email in a key name.
 */
export function redisVelocityStore(redis: Redis, prefix: string): VelocityStore {
  const key = (subject: VelocitySubject, kind: VelocityEventKind) =>
    `${prefix}:velocity:${kind}:${createHash("sha256").update(subjectKey(subject)).digest("base64url")}`;

  return {
    name: "redis",
    async record(subjects, kind, at) {
      const score = at.getTime();
      const transaction = redis.multi();
      for (const subject of subjects) {
        const name = key(subject, kind);
        transaction
          .zadd(name, score, `${score}:${randomBytes(6).toString("hex")}`)
          .zremrangebyscore(name, "-inf", score - DAY_MS)
          .pexpire(name, DAY_MS);
      }
      const results = await transaction.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error("Redis discarded the velocity transaction");
    },
    async counts(subjects, at) {
      const now = at.getTime();
      // Strictly before `at`: the exclusive bound "(" keeps the current attempt out of its own count.
      const pipeline = redis.pipeline();
      for (const subject of subjects) {
        for (const kind of ["attempt", "decline"] as const) {
          pipeline.zcount(key(subject, kind), now - HOUR_MS, `(${now}`);
          pipeline.zcount(key(subject, kind), now - DAY_MS, `(${now}`);
        }
      }
      const results = (await pipeline.exec()) ?? [];
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
    },
  };
}
