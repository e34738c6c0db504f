import { seedStaff } from "../server/auth/seed-staff";
import { seedCatalogue } from "../server/catalogue/seed-catalogue";
import type { PrismaClient } from "../server/db/client";

export type SeedReport = { staffCreated: number; catalogueProducts: number };

/** Idempotent: safe on every start; a restart neither duplicates nor overwrites seeded rows. */
export async function seedDatabase(prisma: PrismaClient, options: { production: boolean }): Promise<SeedReport> {
  const staffCreated = options.production ? 0 : await seedStaff(prisma);
  const catalogueProducts = options.production ? 0 : (await seedCatalogue(prisma)).products;
  return { staffCreated, catalogueProducts };
}
