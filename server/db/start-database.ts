import path from "node:path";
import type { ServerEnv } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDatabase } from "./ensure-database";
import { applyMigrations } from "./migrate";

export type StartedDatabase = {
  url: string;
  mode: "embedded" | "external";
  appliedMigrations: string[];
  stop: () => Promise<void>;
};

/**
 * The app's database at start: DATABASE_URL's when set, else an embedded server under
 * `<dataDir>/postgres`. Pending migrations are applied either way.
 */
export async function startDatabase(env: ServerEnv, dataDir: string): Promise<StartedDatabase> {
  if (env.DATABASE_URL) {
    const appliedMigrations = await applyMigrations(env.DATABASE_URL);
    return { url: env.DATABASE_URL, mode: "external", appliedMigrations, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: env.EMBEDDED_POSTGRES_PORT,
    settings: { portVariable: "EMBEDDED_POSTGRES_PORT", dataDirVariable: "PAYOPS_DATA_DIR" },
  });
  try {
    const url = await ensureDatabase(server.url("postgres"), "payops");
    const appliedMigrations = await applyMigrations(url);
    return { url, mode: "embedded", appliedMigrations, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
