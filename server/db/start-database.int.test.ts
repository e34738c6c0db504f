import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { parseServerEnv } from "../env";
import { createPrismaClient } from "./client";
import { readMigrations } from "./migrate";
import { startDatabase } from "./start-database";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function countSeeded(url: string) {
  const prisma = createPrismaClient(url);
  try {
    return { staff: await prisma.staffUser.count(), products: await prisma.product.count() };
  } finally {
    await prisma.$disconnect();
  }
}

describe("startDatabase", () => {
  it("with no DATABASE_URL starts an embedded server, migrates, and keeps data across a restart", async () => {
    // Inside the project, not /tmp: PostgreSQL runs as its own user and must reach the directory.
    const dataDir = path.resolve(".data", `test-embedded-${randomBytes(4).toString("hex")}`);
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = parseServerEnv({ EMBEDDED_POSTGRES_PORT: String(55000 + Math.floor(Math.random() * 900)) });

    const first = await startDatabase(env, dataDir);
    expect(first.mode).toBe("embedded");
    expect(first.appliedMigrations).toEqual(readMigrations().map((m) => m.name));
    const prisma = createPrismaClient(first.url);
    await seedDatabase(prisma, { seedDevelopmentStaff: true, seedCatalogue: true });
    await prisma.$disconnect();
    const seeded = await countSeeded(first.url);
    expect(seeded.staff).toBeGreaterThan(0);
    await first.stop();

    const second = await startDatabase(env, dataDir);
    try {
      expect(second.appliedMigrations).toEqual([]);
      const prismaAgain = createPrismaClient(second.url);
      await seedDatabase(prismaAgain, { seedDevelopmentStaff: true, seedCatalogue: true });
      await prismaAgain.$disconnect();
      expect(await countSeeded(second.url)).toEqual(seeded);
    } finally {
      await second.stop();
    }
  });

  it("with DATABASE_URL applies migrations on that server and starts nothing", async () => {
    const database: TestDatabase = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const started = await startDatabase(parseServerEnv({ DATABASE_URL: database.url }), "/nonexistent");
    expect(started.mode).toBe("external");
    expect(started.url).toBe(database.url);
    expect(started.appliedMigrations.length).toBe(readMigrations().length);
    expect(
      (await startDatabase(parseServerEnv({ DATABASE_URL: database.url }), "/nonexistent")).appliedMigrations,
    ).toEqual([]);
  });
});
