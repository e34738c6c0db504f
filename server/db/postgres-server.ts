import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

export type PostgresServer = {
  mode: "embedded" | "external";
  /** URL of a database on this server. */
  url: (database: string) => string;
  stop: () => Promise<void>;
};

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]", ""]);

export function isLocalDatabaseUrl(url: string): boolean {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get("host");
  if (socketHost?.startsWith("/")) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The PostgreSQL server that tools and tests use: DATABASE_URL's server when set, otherwise an
 * embedded server with its own data directory (not the app's, so a running `npm run dev` is
 * left alone).
 */
export async function acquirePostgresServer(options: {
  databaseUrl: string | undefined;
  embeddedDir: string;
  embeddedPort: number;
  /** The variable that sets `embeddedPort`, named when the port is taken. */
  portVariable?: string;
  requireLocal?: boolean;
}): Promise<PostgresServer> {
  if (options.databaseUrl) {
    const base = options.databaseUrl;
    if (options.requireLocal && !isLocalDatabaseUrl(base)) {
      throw new Error(
        `Refusing to run against ${new URL(base).hostname}: tests create and drop databases, so DATABASE_URL must point at a local server.`,
      );
    }
    return { mode: "external", url: (database) => withDatabase(base, database), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(options.embeddedDir),
    port: options.embeddedPort,
    settings: { portVariable: options.portVariable ?? "EMBEDDED_POSTGRES_PORT" },
  });
  return { mode: "embedded", url: server.url, stop: server.stop };
}
