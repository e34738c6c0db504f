// `npm run test:e2e`: builds the production app, then runs the Playwright specs against it
// (Playwright starts the app through the launcher, with a fresh embedded database).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveChromium } from "../e2e/chromium";
import { chooseTestPort } from "./choose-test-port";
import { findSecretsInLog } from "./find-secrets-in-log";

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

// Ports of the run's app, database, sandbox, local Xero and mail catcher: E2E_PORT, E2E_POSTGRES_PORT,
// E2E_SANDBOX_PORT, E2E_XERO_PORT, E2E_MAIL_SMTP_PORT and E2E_MAIL_WEB_PORT when set, else 3100, 54350,
// 12150, 12160, 12170 and 12171 when free, else free ones; playwright.config.ts and the specs read them
// from the environment.
const taken = new Set<number>();
for (const [variable, preferred] of [
  ["E2E_PORT", 3100],
  ["E2E_POSTGRES_PORT", 54350],
  ["E2E_SANDBOX_PORT", 12150],
  ["E2E_XERO_PORT", 12160],
  ["E2E_MAIL_SMTP_PORT", 12170],
  ["E2E_MAIL_WEB_PORT", 12171],
] as const) {
  const port = await chooseTestPort(variable, preferred, { avoid: taken });
  taken.add(port);
  process.env[variable] = String(port);
}
console.log(
  `End-to-end ports: app ${process.env.E2E_PORT}, database ${process.env.E2E_POSTGRES_PORT}, sandbox ${process.env.E2E_SANDBOX_PORT}, Xero ${process.env.E2E_XERO_PORT}, mail ${process.env.E2E_MAIL_SMTP_PORT}/${process.env.E2E_MAIL_WEB_PORT}`,
);

// Every run starts from an empty database, so specs see exactly the seeded catalogue.
rmSync(path.resolve(".data/e2e"), { recursive: true, force: true });
mkdirSync(path.resolve(".data/e2e"), { recursive: true });

const started = Date.now();
run(path.resolve("node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
console.log(`next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);

// The run's output (the app's log included: Playwright prints it as [WebServer] lines) is kept
// and searched for secrets once the specs are done; a leaked one fails the run.
const output: Buffer[] = [];
// The specs seed through server modules marked server-only: the react-server condition resolves
// that marker to its empty build in the runner and (inherited) its workers, as Next.js does.
const playwright = spawn(
  process.execPath,
  ["--conditions=react-server", path.resolve("node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
  { stdio: ["inherit", "pipe", "pipe"] },
);
for (const [stream, target] of [
  [playwright.stdout, process.stdout],
  [playwright.stderr, process.stderr],
] as const) {
  stream.on("data", (chunk: Buffer) => {
    output.push(chunk);
    target.write(chunk);
  });
}
const [status] = (await once(playwright, "exit")) as [number | null];
const log = Buffer.concat(output).toString("utf8");
writeFileSync(path.resolve(".data/e2e/run.log"), log);
const leaks = findSecretsInLog(log);
if (leaks.length > 0) {
  console.error(`The end-to-end run's log holds secrets (.data/e2e/run.log): ${leaks.join("; ")}`);
  process.exit(1);
}
console.log(`No secrets in the run's log (${log.split("\n").length} lines searched).`);
if (status !== 0) process.exit(status ?? 1);

// The crash test's small version on the same build (a whole run only, not a chosen spec): the app
// killed under load and restarted, the sandbox away for a moment, then everything checked
// against the sandbox. `npm run test:crash` is the large one.
if (process.argv.length === 2) {
  run(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/crash-test.ts", "--small", "--skip-build"],
    {
      ...process.env,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next",
    },
  );
}
process.exit(0);
