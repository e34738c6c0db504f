import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { parseServerEnv } from "../env";
import { closeRateLimitStore } from "../security/rate-limit-store";
import { throttleSignIn } from "./throttle-sign-in";

let database: TestDatabase;
let staffEmail: string;
let staffUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  staffEmail = `throttle-${randomBytes(4).toString("hex")}@payops.test`;
  staffUserId = (
    await database.prisma.staffUser.create({
      data: { email: staffEmail, name: "T", role: "support", passwordHash: "unused" },
    })
  ).id;
});
afterAll(async () => {
  await closeRateLimitStore();
  await database?.drop();
});

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const backends = [
  ["memory", undefined],
  ["Redis", REDIS_URL],
] as const;

function signInRequest(ip: string, email: string): Request {
  return new Request("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password: "guess", csrfToken: "x" }),
  });
}

// A fresh address and limit per run, so Redis counts left by an earlier run never interfere.
const uniqueIp = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe.each(backends)("sign-in rate limits (%s)", (_backend, redisUrl) => {
  const env = parseServerEnv({
    REDIS_URL: redisUrl,
    RATE_LIMIT_SIGN_IN_PER_IP: "30",
    RATE_LIMIT_SIGN_IN_PER_ACCOUNT: String(1000 + randomBytes(2).readUInt16BE()),
  });

  it("answers 429 with Retry-After to a burst of 100 sign-ins from one address once 30 went through", async () => {
    const ip = uniqueIp();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        throttleSignIn(database.prisma, signInRequest(ip, `someone-${index}@example.test`), env),
      ),
    );
    const refused = answers.filter((answer) => answer !== null);
    expect(answers.length - refused.length).toBe(30);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get("retry-after"))).toBeLessThanOrEqual(600);
    }
    const body = (await refused[0]!.json()) as { url: string };
    expect(new URL(body.url).searchParams.get("error")).toMatch(/^Too many sign-in attempts/);
    if (redisUrl) {
      // Counted in Redis itself, not in the in-memory fallback.
      const redis = new Redis(redisUrl);
      expect(Number(await redis.get(`payops:signInPerIp:${ip}`))).toBe(100);
      redis.disconnect();
    }
    // Another address is not affected.
    expect(await throttleSignIn(database.prisma, signInRequest(uniqueIp(), "x@example.test"), env)).toBeNull();
  });

  it("limits one email from many addresses alike whether or not it is a staff account, auditing only real ones", async () => {
    const perAccount = parseServerEnv({ REDIS_URL: redisUrl, RATE_LIMIT_SIGN_IN_PER_ACCOUNT: "10" });
    const unknown = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    const passedFor = async (email: string) => {
      const answers = [];
      for (let attempt = 0; attempt < 15; attempt++) {
        answers.push(await throttleSignIn(database.prisma, signInRequest(uniqueIp(), email), perAccount));
      }
      return answers.filter((answer) => answer === null).length;
    };
    // The account's count starts fresh in this backend.
    await import("../security/rate-limits").then(({ resetRateLimit }) =>
      resetRateLimit("signInPerAccount", staffEmail, perAccount),
    );
    expect(await passedFor(unknown)).toBe(10);
    expect(await passedFor(staffEmail)).toBe(10);
    const audits = await database.prisma.auditLog.count({
      where: { subjectId: staffUserId, action: "staff.rate_limited" },
    });
    expect(audits).toBeGreaterThanOrEqual(1);
  });
});
