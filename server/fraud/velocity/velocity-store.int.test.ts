import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { postgresVelocityStore, pruneVelocityEvents } from "./postgres-velocity-store";
import { redisVelocityStore } from "./redis-velocity-store";
import { DAY_MS, HOUR_MS, subjectKey, type VelocityStore } from "./velocity-store";

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
let database: TestDatabase;
let redis: Redis;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await redis?.quit();
  await database?.drop();
});

const stores: [string, () => VelocityStore][] = [
  ["redis", () => redisVelocityStore(redis, `payops-test:${randomBytes(6).toString("hex")}`)],
  ["postgres", () => postgresVelocityStore(database.prisma)],
];

describe.each(stores)("velocity counters in %s", (_name, makeStore) => {
  const email = () => ({ kind: "email" as const, value: `velocity-${randomBytes(4).toString("hex")}@example.test` });
  const start = new Date("2026-12-01T10:00:00.000Z");
  const later = (ms: number) => new Date(start.getTime() + ms);

  it("counts attempts and declines over the last hour and day, per subject", async () => {
    const store = makeStore();
    const ada = email();
    const eve = email();
    await store.record([ada], "attempt", later(-2 * HOUR_MS));
    await store.record([ada], "attempt", later(-30 * 60_000));
    await store.record([ada], "decline", later(-30 * 60_000));
    await store.record([eve], "attempt", later(-60_000));
    const counts = await store.counts([ada, eve], start);
    expect(counts.get(subjectKey(ada))).toEqual({ attemptsHour: 1, attemptsDay: 2, declinesHour: 1, declinesDay: 1 });
    expect(counts.get(subjectKey(eve))).toEqual({ attemptsHour: 1, attemptsDay: 1, declinesHour: 0, declinesDay: 0 });
  });

  it("forgets events older than a day and does not count the present moment", async () => {
    const store = makeStore();
    const ada = email();
    await store.record([ada], "decline", later(-DAY_MS - 1));
    await store.record([ada], "decline", start);
    expect((await store.counts([ada], start)).get(subjectKey(ada))).toEqual({
      attemptsHour: 0,
      attemptsDay: 0,
      declinesHour: 0,
      declinesDay: 0,
    });
    expect((await store.counts([ada], later(1))).get(subjectKey(ada))?.declinesHour).toBe(1);
  });

  it("treats an email's case as the same subject", async () => {
    const store = makeStore();
    const ada = email();
    await store.record([{ kind: "email", value: ada.value.toUpperCase() }], "attempt", later(-1000));
    expect((await store.counts([ada], start)).get(subjectKey(ada))?.attemptsHour).toBe(1);
  });

  it("counts and records in one call: the counts stop before the event it adds, which the next call sees", async () => {
    const store = makeStore();
    const ada = email();
    const ip = { kind: "ip_address" as const, value: `198.51.100.${Math.floor(Math.random() * 250)}` };
    await store.record([ada], "decline", later(-10 * 60_000));
    const first = await store.countAndRecord([ada, ip], "attempt", start);
    expect(first.get(subjectKey(ada))).toEqual({ attemptsHour: 0, attemptsDay: 0, declinesHour: 1, declinesDay: 1 });
    const second = await store.countAndRecord([ada, ip], "attempt", later(1));
    expect(second.get(subjectKey(ada))).toMatchObject({ attemptsHour: 1, declinesHour: 1 });
    expect(second.get(subjectKey(ip))?.attemptsHour).toBe(first.get(subjectKey(ip))!.attemptsHour + 1);
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.countAndRecord([ada], "attempt", later(2 + index))),
    );
    expect(concurrent.every((counts) => counts.get(subjectKey(ada))!.attemptsHour >= 2)).toBe(true);
    expect((await store.counts([ada], later(HOUR_MS / 2))).get(subjectKey(ada))?.attemptsHour).toBe(22);
    expect((await store.counts([ada], later(HOUR_MS + 2))).get(subjectKey(ada))).toMatchObject({
      attemptsHour: 20,
      attemptsDay: 22,
    });
  });

  it("loses no count when many attempts are recorded at once", async () => {
    const store = makeStore();
    const ada = email();
    await Promise.all(Array.from({ length: 40 }, (_, index) => store.record([ada], "attempt", later(-index - 1))));
    expect((await store.counts([ada], start)).get(subjectKey(ada))?.attemptsHour).toBe(40);
  });
});

it("commits a checkout's own attempt in PostgreSQL without waiting for the disk, and only that transaction", async () => {
  const setting = await database.prisma.$transaction(async (tx) => {
    await postgresVelocityStore(tx).countAndRecord(
      [{ kind: "ip_address", value: "203.0.113.77" }],
      "attempt",
      new Date(),
    );
    const [row] = await tx.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
    return row!.synchronous_commit;
  });
  expect(setting).toBe("off");
  const [after] = await database.prisma.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
  expect(after!.synchronous_commit).toBe("on");
});

it("prunes PostgreSQL velocity rows older than a day", async () => {
  const store = postgresVelocityStore(database.prisma);
  const now = new Date("2026-12-05T00:00:00.000Z");
  await store.record([{ kind: "ip_address", value: "203.0.113.9" }], "attempt", new Date(now.getTime() - DAY_MS - 5));
  await store.record([{ kind: "ip_address", value: "203.0.113.9" }], "attempt", new Date(now.getTime() - 5));
  expect(await pruneVelocityEvents(database.prisma, now)).toBeGreaterThanOrEqual(1);
  const left = await database.prisma.fraudVelocityEvent.count({ where: { subjectValue: "ip_address:203.0.113.9" } });
  expect(left).toBe(1);
});
