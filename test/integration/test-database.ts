import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { withDatabase } from "../../server/db/postgres-server";

export type TestDatabase = { url: string; name: string; prisma: PrismaClient; drop: () => Promise<void> };

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration applied, dropped again by `drop()`. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `payops_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = withDatabase(inject("postgresAdminUrl"), name);
  if (options.migrate !== false) await applyMigrations(url);
  const prisma = createPrismaClient(url);
  return {
    url,
    name,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
