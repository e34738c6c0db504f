import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPC_MAX_BATCH_SIZE } from "@/server/api/batch-size";
import { authSecret, sessionCookieName } from "@/server/auth/auth-config";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { POST } from "./route";

// Small limits for this file only (the environment is read at the first call).
process.env.RATE_LIMIT_STAFF_MUTATIONS_PER_SESSION = "3";
process.env.RATE_LIMIT_CHECKOUT_PER_EMAIL = "2";
process.env.RATE_LIMIT_CHECKOUT_PER_IP = "1000";

let database: TestDatabase;
let staffCookie: string;
let staffUserId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = database.prisma;
  const user = await database.prisma.staffUser.create({
    data: { email: "limits@payops.test", name: "L", role: "risk", passwordHash: "unused" },
  });
  staffUserId = user.id;
  const token = await encode({
    token: { sub: user.id, sessionVersion: 0, sessionId: randomUUID() },
    secret: authSecret(),
    maxAge: 600,
  });
  staffCookie = `${sessionCookieName()}=${token}`;
});
afterAll(async () => {
  (globalThis as { payopsPrisma?: unknown }).payopsPrisma = undefined;
  await database?.drop();
});

function call(path: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(`http://localhost:3000/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(superjson.serialize(input)),
    }),
  );
}

describe("tRPC rate limits", () => {
  it("answers a staff member's changes past the limit with 429 and Retry-After, and audits it once", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      // A harmless change: sign out everywhere bumps the session version; re-sign the cookie each time.
      const { sessionVersion } = await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staffUserId } });
      const token = await encode({
        token: { sub: staffUserId, sessionVersion, sessionId: randomUUID() },
        secret: authSecret(),
        maxAge: 600,
      });
      const response = await call("session.signOutEverywhere", undefined, {
        cookie: `${sessionCookieName()}=${token}`,
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const audits = await database.prisma.auditLog.count({
      where: { subjectId: staffUserId, action: "staff.rate_limited" },
    });
    expect(audits).toBe(1);
    expect((await database.prisma.staffUser.findUniqueOrThrow({ where: { id: staffUserId } })).sessionVersion).toBe(3);
  });

  it("limits checkouts per customer email, before anything is written", async () => {
    const start = (key: string) =>
      call("checkout.start", {
        checkoutKey: `limit-key-${key}-0123456789`,
        email: "Same@Example.com",
        shipping: { name: "A", line1: "1 Road", city: "Town", postalCode: "1", country: "GB" },
        cart: { currency: "USD", lines: [] },
      });
    const statuses = [(await start("a")).status, (await start("b")).status];
    expect(statuses.every((status) => status !== 429)).toBe(true);
    const refused = await start("c");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await database.prisma.order.count()).toBe(0);
  });

  it("refuses a batch larger than the cap and serves one at the cap", async () => {
    const batch = (size: number) =>
      POST(
        new Request(`http://localhost:3000/api/trpc/${Array(size).fill("session.me").join(",")}?batch=1`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: staffCookie },
          body: JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, index) => [index, {}]))),
        }),
      );
    expect((await batch(TRPC_MAX_BATCH_SIZE + 1)).status).toBe(400);
    expect((await batch(TRPC_MAX_BATCH_SIZE)).status).not.toBe(400);
  });
});
