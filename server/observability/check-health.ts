import type { PrismaClient } from "../db/client";
import { migrationStatusWith } from "../db/migrate";

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

// Long enough for a first connection on a busy machine; a database slower than this is not ready.
const CHECK_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Database reachability and migration status through the app's own connection pool (a check that
 * opened connections of its own would compete with checkouts for them); never throws.
 */
export async function checkHealth(
  prisma: () => PrismaClient,
  options: { mode: "embedded" | "external" },
): Promise<HealthReport> {
  const started = Date.now();
  try {
    const client = prisma();
    const migrations = await withTimeout(
      (async () => {
        await client.$queryRaw`SELECT 1`;
        return migrationStatusWith((sql) => client.$queryRawUnsafe<Record<string, unknown>[]>(sql));
      })(),
      CHECK_TIMEOUT_MS,
    );
    const current = migrations.pending.length === 0 && migrations.modified.length === 0;
    return {
      status: current ? "ok" : "degraded",
      database: {
        reachable: true,
        mode: options.mode,
        latencyMs: Date.now() - started,
        migrations: { applied: migrations.applied.length, pending: migrations.pending, modified: migrations.modified },
      },
    };
  } catch (error) {
    return {
      status: "degraded",
      database: { reachable: false, mode: options.mode, error: error instanceof Error ? error.message : String(error) },
    };
  }
}
