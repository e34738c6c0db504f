// Starts PayOps: validates configuration, starts or connects to PostgreSQL, applies migrations,
// seeds, starts the Stripe sandbox when no Stripe key is set, and in development a mail catcher
// when SMTP_URL is unset, then runs Next.js (dev or start).
// Ctrl-C stops Next.js, the sandbox and the embedded database in that order.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import PinoPretty from "pino-pretty";
import { seedDatabase } from "../prisma/seed";
import { checkAccountingConfiguration } from "../server/accounting/check-accounting-configuration";
import { startMailForApp } from "../server/customer-mail/start-mail-for-app";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { ConfigurationError, parseServerEnv } from "../server/env";
import { planStartUp } from "../server/start-up-policy";
import { startStripeForApp } from "../server/stripe/start-stripe-for-app";

const command = process.argv[2];
if (command !== "dev" && command !== "start") {
  console.error("Usage: tsx --conditions=react-server scripts/run-app.ts dev|start");
  process.exit(2);
}
const mutableEnv = process.env as Record<string, string | undefined>;
mutableEnv.NODE_ENV ??= command === "dev" ? "development" : "production";

let env: ReturnType<typeof parseServerEnv>;
try {
  env = parseServerEnv(process.env);
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const plan = planStartUp(env);
if (plan.refusal) {
  console.error(`Invalid configuration: ${plan.refusal}`);
  process.exit(1);
}
for (const warning of plan.warnings) console.error(warning);

const started = Date.now();
const dataDir = path.resolve(process.env.PAYOPS_DATA_DIR || ".data");
const stops: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  for (const stop of stops.reverse()) await stop().catch((error) => console.error(`Stop failed: ${error}`));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

try {
  const database = await startDatabase(env, dataDir);
  stops.push(database.stop);
  const where =
    database.mode === "embedded"
      ? `embedded PostgreSQL in ${path.relative(process.cwd(), dataDir)}/postgres`
      : "DATABASE_URL";
  console.log(`PayOps database: ${where}; ${database.appliedMigrations.length} migration(s) applied now.`);

  const prisma = createPrismaClient(database.url);
  const report = await seedDatabase(prisma, plan);
  await checkAccountingConfiguration(prisma, env.ACCOUNTING_ENCRYPTION_KEY);
  const adminHint = env.NODE_ENV === "production" ? await firstAdminHint(prisma) : undefined;
  await prisma.$disconnect();
  console.log(`Seed: ${JSON.stringify(report)}`);
  if (adminHint) console.log(adminHint);

  const stripe = await startStripeForApp(env, dataDir);
  stops.push(stripe.stop);
  console.log(`Stripe: ${stripe.description}`);

  const mail = await startMailForApp(env);
  stops.push(mail.stop);
  console.log(`Mail: ${mail.description}`);

  // Next.js behind our own node:http server, which records each request's socket address.
  const tsxBin = path.resolve("node_modules/.bin/tsx");
  // Development reads logs by eye: the JSON lines go through pino-pretty. Production keeps JSON for the collector.
  const pretty = command === "dev" && process.env.PAYOPS_LOG_FORMAT !== "json";
  child = spawn(tsxBin, [path.resolve("scripts/next-server.ts"), command], {
    stdio: pretty ? ["inherit", "pipe", "inherit"] : "inherit",
    env: {
      ...process.env,
      ...stripe.env,
      ...mail.env,
      DATABASE_URL: database.url,
      PAYOPS_DATABASE_MODE: database.mode,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (pretty) child.stdout?.pipe(PinoPretty({ colorize: process.stdout.isTTY, translateTime: "SYS:HH:MM:ss.l" }));
  child.once("exit", (code) => void shutdown(code ?? 0));
  console.log(`PayOps prepared in ${Date.now() - started} ms; Next.js starting on http://localhost:${env.PORT}`);
} catch (error) {
  console.error(`PayOps could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

/** Production starts with no staff: say once how to create the first admin. */
async function firstAdminHint(prisma: ReturnType<typeof createPrismaClient>): Promise<string | undefined> {
  const admins = await prisma.staffUser.count({ where: { role: "admin", active: true } });
  if (admins > 0) return undefined;
  return "No admin yet: create the first one with `npm run staff:create-admin -- --email you@example.com --name 'Your Name'` (it asks for the password).";
}
