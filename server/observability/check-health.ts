import pg from "pg";
import { migrationStatus } from "../db/migrate";

export type HealthReport = {
  status: "ok" | "degraded";
  database: {
    reachable: boolean;
    mode: "embedded" | "external";
    latencyMs?: number;
    error?: string;
    migrations?: { applied: number; pending: string[]; modified: string[] };
  };
};

/** Database reachability and migration status; never throws. */
export async function checkHealth(options: {
  databaseUrl: string | undefined;
  mode: "embedded" | "external";
}): Promise<HealthReport> {
  if (!options.databaseUrl) {
    return { status: "degraded", database: { reachable: false, mode: options.mode, error: "DATABASE_URL is not set" } };
  }
  const started = Date.now();
  const client = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    const latencyMs = Date.now() - started;
    const migrations = await migrationStatus(options.databaseUrl);
    const current = migrations.pending.length === 0 && migrations.modified.length === 0;
    return {
      status: current ? "ok" : "degraded",
      database: {
        reachable: true,
        mode: options.mode,
        latencyMs,
        migrations: { applied: migrations.applied.length, pending: migrations.pending, modified: migrations.modified },
      },
    };
  } catch (error) {
    return {
      status: "degraded",
      database: { reachable: false, mode: options.mode, error: error instanceof Error ? error.message : String(error) },
    };
  } finally {
    await client.end().catch(() => {});
  }
}
