import { defineConfig } from "prisma/config";

// The CLI does not load .env by itself; DATABASE_URL comes from the environment. The app applies
// migrations and seeds itself at start (server/db/migrate.ts, prisma/seed.ts), so the url is only
// used by the real CLI (`prisma migrate deploy`) on a machine that has Prisma's native engine.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/payops" },
});
