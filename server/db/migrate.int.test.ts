import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { applyMigrations, migrationStatus, readMigrations } from "./migrate";

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("applyMigrations", () => {
  it("applies each migration once even when several processes start together", async () => {
    const database = await createTestDatabase({ migrate: false });
    databases.push(database);
    const results = await Promise.all([
      applyMigrations(database.url),
      applyMigrations(database.url),
      applyMigrations(database.url),
    ]);
    expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    const rows = await database.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    expect(Number(rows[0]!.n)).toBe(readMigrations().length);
    expect((await migrationStatus(database.url)).pending).toEqual([]);
  });

  it("refuses to rewrite the audit log", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const row = await database.prisma.auditLog.create({
      data: { actorKind: "system", action: "test.recorded", subjectType: "order", subjectId: "o_1" },
    });
    await expect(
      database.prisma.auditLog.update({ where: { id: row.id }, data: { action: "changed" } }),
    ).rejects.toThrow(/append-only/);
    await expect(database.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
