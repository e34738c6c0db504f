import { seedStaff } from "../server/auth/seed-staff";
import { seedCatalogue } from "../server/catalogue/seed-catalogue";
import type { PrismaClient } from "../server/db/client";
import type { StartUpPlan } from "../server/start-up-policy";

export type SeedReport = { staffCreated: number; catalogueProducts: number };

/** Idempotent: safe on every start; a restart neither duplicates nor overwrites seeded rows. */
export async function seedDatabase(
  prisma: PrismaClient,
  plan: Pick<StartUpPlan, "seedDevelopmentStaff" | "seedCatalogue">,
): Promise<SeedReport> {
  const staffCreated = plan.seedDevelopmentStaff ? await seedStaff(prisma) : 0;
  const catalogueProducts = plan.seedCatalogue ? (await seedCatalogue(prisma)).products : 0;
  return { staffCreated, catalogueProducts };
}
