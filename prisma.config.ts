import { defineConfig } from "prisma/config";

// The CLI does not load .env by itself; DATABASE_URL comes from the environment. Offline, the
// runtime applies migrations itself (server/db/migrate.ts), so the url is only used by the real CLI.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/payops" },
});
