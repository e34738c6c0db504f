import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/** Runs `npm run dev`'s launcher with `env` and resolves with its exit code and output once it exits. */
function launch(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/run-app.ts", "dev"],
      {
        env: { ...process.env, DATABASE_URL: "", STRIPE_SECRET_KEY: "", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 55_000);
    child.once("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** `npm start`'s launcher in production with a data dir and port of its own, and no secret or keys. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/run-app.ts", "start"], {
    env: {
      ...process.env,
      AUTH_SECRET: "",
      DATABASE_URL: "",
      STRIPE_SECRET_KEY: "",
      PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "",
      PAYOPS_DATA_DIR: temporaryFolder(0o755),
      EMBEDDED_POSTGRES_PORT: String(Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54339) + 7),
      NODE_ENV: "production",
      ...env,
    },
    encoding: "utf8",
    timeout: 55_000,
  });
}

const folders: string[] = [];
function temporaryFolder(mode: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), "payops-launch-"));
  chmodSync(folder, mode);
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("npm start / npm run dev launcher", () => {
  it("stops a start with a malformed DATABASE_URL with a one-line reason and exit code 1", { timeout: 60_000 }, () => {
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/run-app.ts", "start"],
      {
        env: { ...process.env, DATABASE_URL: "postgres//oops", NODE_ENV: "production" },
        encoding: "utf8",
        timeout: 55_000,
      },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      "Invalid configuration: DATABASE_URL expected a postgresql://user:password@host:port/database URL",
    ]);
  });

  it("names the busy embedded-database port and the variable that moves it", { timeout: 60_000 }, async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const result = await launch({ EMBEDDED_POSTGRES_PORT: String(port), PAYOPS_DATA_DIR: temporaryFolder(0o755) });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        `PayOps could not start: The embedded PostgreSQL cannot listen on port ${port}: something else already does ` +
          "(another PayOps, a PostgreSQL server, any other program). Stop it, or choose another port with " +
          "EMBEDDED_POSTGRES_PORT=<port>.",
      ]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  // Only root hands the database to another user; any other user runs it as themselves.
  if (process.getuid?.() === 0) {
    it("names the folder the database's own user cannot enter, and why", { timeout: 60_000 }, async () => {
      const closed = temporaryFolder(0o700);
      const dataDir = path.join(closed, "data");
      const result = await launch({ PAYOPS_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: "54999" });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        `PayOps could not start: The embedded PostgreSQL cannot use ${dataDir}/postgres: run as root, it runs as ` +
          `the system user "postgres" (PostgreSQL refuses to run as root), and that user may not enter ${closed} ` +
          `(mode 0700). Run PayOps from a folder every user may read (or chmod o+x ${closed}), set ` +
          "PAYOPS_DATA_DIR to a folder outside it, or set DATABASE_URL to a PostgreSQL server of your own.",
      ]);
    });
  }

  it("refuses a production start without AUTH_SECRET instead of signing sessions with a known key", {
    timeout: 60_000,
  }, () => {
    const result = start({});
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Invalid configuration: AUTH_SECRET is required in production (at least 32 characters)",
    );
  });

  it("refuses a production start on the Stripe sandbox without PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION=1", {
    timeout: 60_000,
  }, () => {
    const result = start({ AUTH_SECRET: "s".repeat(32) });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION=1/);
  });
});
