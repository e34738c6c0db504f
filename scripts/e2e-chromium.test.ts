import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveChromium } from "../e2e/chromium";

const folder = mkdtempSync(path.join(tmpdir(), "payops-chromium-"));
const installed = path.join(folder, "chrome");
writeFileSync(installed, "");
const missing = path.join(folder, "absent");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the end-to-end tests' browser", () => {
  it("uses Playwright's own Chromium when it is installed", () => {
    expect(resolveChromium({ bundled: installed, system: installed }).executablePath).toBeUndefined();
  });

  it("uses the system's Chromium otherwise", () => {
    expect(resolveChromium({ bundled: missing, system: installed }).executablePath).toBe(installed);
  });

  it("says how to install one on Debian or Ubuntu and anywhere else when there is none", () => {
    expect(() => resolveChromium({ bundled: missing, system: missing })).toThrow(
      `No Chromium found for the end-to-end tests (looked for Playwright's own browser at ${missing} and for ${missing}).\n` +
        "Install one: on Debian or Ubuntu `sudo apt-get install chromium`; anywhere else `npx playwright install chromium`.",
    );
  });
});
