import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { catalogSnapshot } from "../../test/integration/catalog-snapshot";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { HAND_WRITTEN_INDEXES } from "./hand-written-indexes";
import { migrationStatus, readMigrations } from "./migrate";
import { diffSchemas } from "./schema-engine";
import { readSchemaFiles } from "./schema-files";

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("migrations", () => {
  it("build the same database that schema.prisma describes (no drift)", async () => {
    const migrated = await createTestDatabase();
    const fromSchema = await createTestDatabase({ migrate: false });
    databases.push(migrated, fromSchema);

    const sql = await diffSchemas({ connectionString: fromSchema.url, fromFiles: null, toFiles: readSchemaFiles() });
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const handWritten = (line: string) =>
      HAND_WRITTEN_INDEXES.some((index) => line.startsWith(`index CREATE INDEX ${index.name} `));
    const migratedCatalog = await catalogSnapshot(migrated.url);
    // The hand-written indexes exist, once each, and are the only difference from the schema.
    expect(migratedCatalog.filter(handWritten)).toHaveLength(HAND_WRITTEN_INDEXES.length);
    expect(migratedCatalog.filter((line) => !handWritten(line))).toEqual(await catalogSnapshot(fromSchema.url));
  });

  it("keep Prisma's bookkeeping, so `prisma migrate deploy` sees them as applied", async () => {
    const migrated = await createTestDatabase();
    databases.push(migrated);
    const status = await migrationStatus(migrated.url);
    expect(status.pending).toEqual([]);
    expect(status.modified).toEqual([]);
    expect(status.applied).toEqual(readMigrations().map((m) => m.name));
    const rows = await migrated.prisma.$queryRaw<{ checksum: string; applied_steps_count: number }[]>`
      SELECT checksum, applied_steps_count FROM "_prisma_migrations"`;
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && row.applied_steps_count === 1)).toBe(true);
  });
});
