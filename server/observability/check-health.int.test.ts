import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { readMigrations } from "../db/migrate";
import { checkHealth } from "./check-health";

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("checkHealth", () => {
  it("reports a reachable, fully migrated database", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const report = await checkHealth({ databaseUrl: database.url, mode: "external" });
    expect(report.status).toBe("ok");
    expect(report.database.migrations).toEqual({ applied: readMigrations().length, pending: [], modified: [] });
  });

  it("reports pending migrations as degraded", async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    const report = await checkHealth({ databaseUrl: database.url, mode: "embedded" });
    expect(report.status).toBe("degraded");
    expect(report.database.reachable).toBe(true);
    expect(report.database.migrations?.pending.length).toBe(readMigrations().length);
  });

  it("reports an unreachable database without throwing", async () => {
    const report = await checkHealth({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none", mode: "external" });
    expect(report.database.reachable).toBe(false);
    expect(report.database.error).toBeTruthy();
  });
});
