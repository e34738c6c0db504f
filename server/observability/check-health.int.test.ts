import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPrismaClient } from "../db/client";
import { readMigrations } from "../db/migrate";
import { answerHealth, forgetCachedHealth } from "./answer-health";
import { checkHealth } from "./check-health";

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});
beforeEach(() => forgetCachedHealth());

async function database(options?: { migrate?: boolean }) {
  const created = await createTestDatabase(options);
  databases.push(created);
  return created;
}

describe("checkHealth", () => {
  it("reports a reachable, fully migrated database", async () => {
    const { prisma } = await database();
    const report = await checkHealth(() => prisma, { mode: "external" });
    expect(report.status).toBe("ok");
    expect(report.database.migrations).toEqual({ applied: readMigrations().length, pending: [], modified: [] });
  });

  it("reports pending migrations as degraded", async () => {
    const { prisma } = await database({ migrate: false });
    const report = await checkHealth(() => prisma, { mode: "embedded" });
    expect(report.status).toBe("degraded");
    expect(report.database.reachable).toBe(true);
    expect(report.database.migrations?.pending.length).toBe(readMigrations().length);
  });

  it("reports an unreachable database without throwing", async () => {
    const unreachable = createPrismaClient("postgresql://nobody@127.0.0.1:1/none");
    const report = await checkHealth(() => unreachable, { mode: "external" });
    expect(report.database.reachable).toBe(false);
    expect(report.database.error).toBeTruthy();
  });
});

describe("GET /api/health", () => {
  it("250 simultaneous probes all answer 200 through the app's pool, holding no connections of their own", async () => {
    const { prisma, name } = await database();
    await prisma.$queryRaw`SELECT 1`;
    const admin = new pg.Client({ connectionString: inject("postgresAdminUrl") });
    await admin.connect();
    const connections = async () =>
      (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]))
        .rows[0]!.n;
    let peak = await connections();
    let probing = true;
    const watcher = (async () => {
      while (probing) {
        peak = Math.max(peak, await connections());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const deps = { prisma: () => prisma, mode: "external" as const, healthToken: undefined };
    const responses = await Promise.all(
      Array.from({ length: 250 }, () => answerHealth(new Request("http://localhost/api/health"), deps)),
    );
    probing = false;
    await watcher;
    await admin.end();
    expect(responses.map((response) => response.status)).toEqual(Array(250).fill(200));
    // The app's pool holds at most 20; the probes added none.
    expect(peak).toBeLessThanOrEqual(20);
  });

  it("tells the public only ok or degraded; HEALTH_TOKEN unlocks the detailed report", async () => {
    const unreachable = createPrismaClient("postgresql://nobody@127.0.0.1:1/none");
    const deps = { prisma: () => unreachable, mode: "external" as const, healthToken: "t".repeat(24) };
    const anonymous = await answerHealth(new Request("http://localhost/api/health"), deps);
    expect(anonymous.status).toBe(503);
    expect(await anonymous.json()).toEqual({ status: "degraded" });
    const wrong = await answerHealth(
      new Request("http://localhost/api/health", { headers: { authorization: `Bearer ${"x".repeat(24)}` } }),
      deps,
    );
    expect(await wrong.json()).toEqual({ status: "degraded" });
    const detailed = await answerHealth(
      new Request("http://localhost/api/health", { headers: { authorization: `Bearer ${"t".repeat(24)}` } }),
      deps,
    );
    expect(await detailed.json()).toMatchObject({
      status: "degraded",
      database: { reachable: false, error: expect.any(String) },
    });
  });
});
