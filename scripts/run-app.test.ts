import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start / npm run dev launcher", () => {
  it("stops a start with a malformed DATABASE_URL with a one-line reason and exit code 1", { timeout: 60_000 }, () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
      env: { ...process.env, DATABASE_URL: "postgres//oops", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 55_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      "Invalid configuration: DATABASE_URL expected a postgresql://user:password@host:port/database URL",
    ]);
  });
});
