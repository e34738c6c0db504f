import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPrismaClient } from "./client";
import { isDatabaseUnavailable } from "./database-unavailable";
import { pickFreePort } from "./is-port-free";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("telling a database outage from a bad request", () => {
  it("a server that is not there is an outage", async () => {
    const port = await pickFreePort();
    const absent = createPrismaClient(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    const error = await absent.$queryRaw`SELECT 1`.catch((caught: unknown) => caught);
    await absent.$disconnect().catch(() => undefined);
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a connection the server terminates mid-query (a restart) is an outage", async () => {
    const running = database.prisma.$queryRaw`SELECT pg_sleep(5), 'crash-probe' AS probe`.catch(
      (caught: unknown) => caught,
    );
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await expect
        .poll(async () => {
          const { rowCount } = await admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%crash-probe%' AND pid <> pg_backend_pid()",
          );
          return rowCount;
        })
        .toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const error = await running;
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a constraint violation or a bad query is not", async () => {
    const duplicate = await database.prisma.$executeRaw`CREATE TABLE probe_unique (id int PRIMARY KEY)`
      .then(() => database.prisma.$executeRaw`INSERT INTO probe_unique VALUES (1), (1)`)
      .catch((caught: unknown) => caught);
    expect(duplicate).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    const missing = await database.prisma.$queryRaw`SELECT * FROM no_such_table`.catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(missing)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Stripe said no"))).toBe(false);
  });
});
