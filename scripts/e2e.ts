// `npm run test:e2e`: builds the production app, then runs the Playwright specs against it
// (Playwright starts the app through the launcher, with a fresh embedded database).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { resolveChromium } from "../e2e/chromium";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  resolveChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Every run starts from an empty database, so specs see exactly the seeded catalogue.
rmSync(path.resolve(".data/e2e"), { recursive: true, force: true });

const started = Date.now();
run(path.resolve("node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
console.log(`next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);

run(path.resolve("node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)]);
