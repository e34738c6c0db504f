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
 * A checkout's counts and its own event in one command (one write, one reply, atomic): per
 * subject, the four window counts strictly before `now`, then the event added to its set, the
 * set trimmed to the day and its expiry renewed. KEYS: each subject's attempt and decline sets;
 * ARGV: now, an hour ago, a day ago, the kind, the new member, the expiry in milliseconds.
 */
const COUNT_AND_RECORD = `
local out = {}
local before = '(' .. ARGV[1]
for i = 1, #KEYS, 2 do
  local attempts, declines = KEYS[i], KEYS[i + 1]
  out[#out + 1] = redis.call('ZCOUNT', attempts, ARGV[2], before)
  out[#out + 1] = redis.call('ZCOUNT', attempts, ARGV[3], before)
  out[#out + 1] = redis.call('ZCOUNT', declines, ARGV[2], before)
  out[#out + 1] = redis.call('ZCOUNT', declines, ARGV[3], before)
  local target = ARGV[4] == 'attempt' and attempts or declines
  redis.call('ZADD', target, ARGV[1], ARGV[5] .. ':' .. i)
  redis.call('ZREMRANGEBYSCORE', target, '-inf', ARGV[3])
  redis.call('PEXPIRE', target, ARGV[6])
end
return out`;
const COUNT_AND_RECORD_SHA = createHash("sha1").update(COUNT_AND_RECORD).digest("hex");

/**
 * One sorted set per subject and event kind, scored by time. Adding an event, trimming what fell
 * out of the day and renewing the key's expiry run in one MULTI, so concurrent checkouts never
 * lose a count and a key never outlives its window. A checkout's counts and its own attempt are
 * one Lua script (one command, one round trip; EVALSHA, EVAL when Redis does not know it yet):
 * the counts run first and stop strictly before `at`, so they never include the attempt being
 * added. Subjects are hashed: no email in a key name.
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
      const now = at.getTime();
      const keys = subjects.flatMap((subject) => [key(subject, "attempt"), key(subject, "decline")]);
      const args = [now, now - HOUR_MS, now - DAY_MS, kind, `${now}:${randomBytes(6).toString("hex")}`, DAY_MS];
      let replies: unknown;
      try {
        replies = await redis.evalsha(COUNT_AND_RECORD_SHA, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
        replies = await redis.eval(COUNT_AND_RECORD, keys.length, ...keys, ...args);
      }
      return countsFrom(
        subjects,
        (replies as number[]).map((count): Reply => [null, count]),
      );
    },
  };
}
