import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explainStartFailure, findFolderClosedTo } from "./check-embedded-postgres-start";

const root = mkdtempSync(path.join(tmpdir(), "payops-reach-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("embedded PostgreSQL start-up checks", () => {
  const me = { uid: process.getuid?.() ?? 0, groups: [] };
  const stranger = { uid: me.uid + 4242, groups: [] };

  it("finds the first folder on the way that the database's user may not enter", () => {
    const closed = path.join(root, "closed");
    mkdirSync(path.join(closed, "inner"), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(closed, 0o700);
    const dataDir = path.join(closed, "inner", "postgres");
    expect(findFolderClosedTo(stranger, dataDir)).toBe(closed);
    // Its owner may enter it, and so may everyone once it is opened.
    expect(findFolderClosedTo(me, dataDir)).toBeNull();
    chmodSync(closed, 0o711);
    expect(findFolderClosedTo(stranger, dataDir)).toBeNull();
  });

  it("lets folders that do not exist yet pass (they are created open)", () => {
    chmodSync(root, 0o755);
    expect(findFolderClosedTo(stranger, path.join(root, "later", "data", "postgres"))).toBeNull();
  });

  it("explains a start PostgreSQL aborted from its last words, naming the port variable when the port is taken", () => {
    const error = explainStartFailure(
      54329,
      "/srv/payops/.data/postgres",
      [
        'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\n',
        "FATAL:  could not create any TCP/IP sockets\n",
      ],
      { portVariable: "EMBEDDED_POSTGRES_PORT" },
    );
    expect(error.message).toBe(
      "The embedded PostgreSQL (port 54329, data in /srv/payops/.data/postgres) stopped while starting: " +
        'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use FATAL:  could not create any TCP/IP sockets. ' +
        "Port 54329 is taken: choose another with EMBEDDED_POSTGRES_PORT=<port>.",
    );
  });
});
