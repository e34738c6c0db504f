// Starts PayOps: validates configuration, starts or connects to PostgreSQL, applies migrations,
// seeds, starts the Stripe sandbox when no Stripe key is set, then runs Next.js (dev or start).
// Ctrl-C stops Next.js, the sandbox and the embedded database in that order.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { seedDatabase } from "../prisma/seed";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { ConfigurationError, parseServerEnv } from "../server/env";
import { startStripeForApp } from "../server/stripe/start-stripe-for-app";

const command = process.argv[2];
if (command !== "dev" && command !== "start") {
  console.error("Usage: tsx --conditions=react-server scripts/run-app.ts dev|start");
  process.exit(2);
}
const mutableEnv = process.env as Record<string, string | undefined>;
mutableEnv.NODE_ENV ??= command === "dev" ? "development" : "production";
if (command === "start" && !process.env.AUTH_SECRET && process.env.PAYOPS_LOCAL_PRODUCTION !== "0") {
  // `npm start` on a developer machine or in tests: a local secret, never used with real keys.
  if (!process.env.STRIPE_SECRET_KEY) process.env.AUTH_SECRET = "payops-local-production-secret-not-for-real-keys";
}

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
  const report = await seedDatabase(prisma, {
    production: env.NODE_ENV === "production" && database.mode === "external",
  });
  await prisma.$disconnect();
  console.log(`Seed: ${JSON.stringify(report)}`);

  const stripe = await startStripeForApp(env, dataDir);
  stops.push(stripe.stop);
  console.log(`Stripe: ${stripe.description}`);

  const nextBin = path.resolve("node_modules/.bin/next");
  child = spawn(nextBin, [command, "-p", String(env.PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...stripe.env,
      DATABASE_URL: database.url,
      PAYOPS_DATABASE_MODE: database.mode,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.once("exit", (code) => void shutdown(code ?? 0));
  console.log(`PayOps prepared in ${Date.now() - started} ms; Next.js starting on http://localhost:${env.PORT}`);
} catch (error) {
  console.error(`PayOps could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
