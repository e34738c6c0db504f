import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/server/db/client";
import { applyMigrations, MIGRATIONS_DIR } from "@/server/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";

/**
 * A test database with the committed migrations and the ledger's, so ledger tests do not depend on
 * migrations still being written elsewhere in the working tree.
 */
export async function createLedgerTestDatabase(): Promise<TestDatabase> {
  const committed = new Set(
    execFileSync("git", ["ls-files", MIGRATIONS_DIR], { encoding: "utf8" })
      .split("\n")
      .map((file) => file.split("/").at(-2)),
  );
  const dir = mkdtempSync(path.join(tmpdir(), "ledger-migrations-"));
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    if (committed.has(name) || /^\d+_ledger(_|$)/.test(name))
      cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  const database = await createTestDatabase({ migrate: false });
  await applyMigrations(database.url, dir);
  rmSync(dir, { recursive: true, force: true });
  await database.prisma.$disconnect();
  return { ...database, prisma: createPrismaClient(database.url) };
}
