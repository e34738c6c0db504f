import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { isPortFree } from "./is-port-free";

/** Where a start-up failure of the embedded server points the user: the settings that move it. */
export type EmbeddedPostgresSettings = {
  /** The variable that sets the port, e.g. EMBEDDED_POSTGRES_PORT. */
  portVariable: string;
  /** The variable that moves the data folder, when there is one (PAYOPS_DATA_DIR). */
  dataDirVariable?: string;
};

export class EmbeddedPostgresStartError extends Error {
  override name = "EmbeddedPostgresStartError";
}

export async function checkPortFree(port: number, settings: EmbeddedPostgresSettings): Promise<void> {
  if (await isPortFree(port)) return;
  throw new EmbeddedPostgresStartError(
    `The embedded PostgreSQL cannot listen on port ${port}: something else already does (another PayOps, ` +
      `a PostgreSQL server, any other program). Stop it, or choose another port with ${settings.portVariable}=<port>.`,
  );
}

type Account = { uid: number; groups: number[] };

function postgresAccount(): Account | null {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const groups = spawnSync("id", ["-G", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || groups.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), groups: groups.stdout.trim().split(/\s+/).map(Number) };
}

/**
 * The first existing folder on the way to `dataDir` that `account` may not enter (no search
 * permission for it), or null. With no account yet (it is created on first start), only what
 * every user may do counts.
 */
export function findFolderClosedTo(account: Account | null, dataDir: string): string | null {
  let folder = path.dirname(path.resolve(dataDir));
  const folders: string[] = [];
  for (;;) {
    folders.unshift(folder);
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const candidate of folders) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(candidate);
    } catch {
      return null; // not created yet: it will be created open to everyone
    }
    const bit = account && stat.uid === account.uid ? 0o100 : account?.groups.includes(stat.gid) ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return candidate;
  }
  return null;
}

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the system user
 * `postgres`, which must be able to reach the data folder.
 */
export function checkDataDirReachable(dataDir: string, settings: EmbeddedPostgresSettings): void {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return;
  const closed = findFolderClosedTo(postgresAccount(), dataDir);
  if (!closed) return;
  const mode = (statSync(closed).mode & 0o777).toString(8).padStart(4, "0");
  const move = settings.dataDirVariable ? `, set ${settings.dataDirVariable} to a folder outside it` : "";
  throw new EmbeddedPostgresStartError(
    `The embedded PostgreSQL cannot use ${dataDir}: run as root, it runs as the system user "postgres" ` +
      `(PostgreSQL refuses to run as root), and that user may not enter ${closed} (mode ${mode}). ` +
      `Run PayOps from a folder every user may read (or chmod o+x ${closed})${move}, ` +
      "or set DATABASE_URL to a PostgreSQL server of your own.",
  );
}

/** Why a start that PostgreSQL aborted failed, from the server's own last words. */
export function explainStartFailure(
  port: number,
  dataDir: string,
  log: string[],
  settings: EmbeddedPostgresSettings,
): EmbeddedPostgresStartError {
  const lastWords = log.join("").trim().split("\n").slice(-3).join(" ").trim();
  const hint = /address already in use/i.test(lastWords)
    ? ` Port ${port} is taken: choose another with ${settings.portVariable}=<port>.`
    : "";
  return new EmbeddedPostgresStartError(
    `The embedded PostgreSQL (port ${port}, data in ${dataDir}) stopped while starting: ${lastWords || "no output"}.${hint}`,
  );
}
