// Webhook ingestion benchmark: signed events against `next start` (the real route, real
// PostgreSQL) and, in the same run, against a bare node:http server doing the same
// verify-and-insert. Reports events/s (closed loop) and ack latency p50/p99 at a fixed rate.
//
//   npm run bench:webhooks [-- --skip-build] [-- --seconds 10 --warmup 15 --rate 300 --concurrency 32]
//   npm run bench:webhooks -- --burst --seconds 4 --rate 500   (a Stripe-like burst through the app
//   alone, under its default per-source rate limit: every event must be accepted)
//
// Uses PostgreSQL at BENCH_ADMIN_URL (default the local server on 5432) to create and drop its
// own database; ports 3200 and 3201 (Next.js) and 12220 (bare server), or BENCH_PORT and the two
// after it; no sandbox is started.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import Stripe from "stripe";
import { applyMigrations } from "../server/db/migrate";
import { withDatabase } from "../server/db/postgres-server";

const { values } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    burst: { type: "boolean", default: false },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "15" },
    rate: { type: "string", default: "300" },
    concurrency: { type: "string", default: "32" },
    type: { type: "string", default: "payout.reconciliation_completed" },
  },
});
const SECONDS = Number(values.seconds);
const WARMUP_SECONDS = Number(values.warmup);
const RATE = Number(values.rate);
const CONCURRENCY = Number(values.concurrency);
const EVENT_TYPE = values.type!;
// BENCH_PORT moves the three servers (app, app without telemetry, bare) to BENCH_PORT, +1 and +2.
const BASE_PORT = Number(process.env.BENCH_PORT || 0);
const APP_PORT = BASE_PORT || 3200;
// The same build with PAYOPS_TELEMETRY=off (no metrics, no tracing): what telemetry costs.
const QUIET_APP_PORT = BASE_PORT ? BASE_PORT + 1 : 3201;
const BARE_PORT = BASE_PORT ? BASE_PORT + 2 : 12220;
const DIST_DIR = ".next-webhooks";
const SECRET = `whsec_bench_${randomBytes(12).toString("hex")}`;
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const signer = new Stripe("sk_test_bench");
const children: ChildProcess[] = [];

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let sequence = 0;
/** A payment-sized event body (about 2 KB) with a fresh id, signed now (with a wrong key when `forged`). */
function signedEvent(forged = false): { body: string; signature: string } {
  sequence += 1;
  const id = `evt_bench_${process.pid}_${sequence}_${randomBytes(4).toString("hex")}`;
  const body = JSON.stringify({
    id,
    object: "event",
    api_version: "2026-10-28",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: EVENT_TYPE,
    data: {
      object: {
        id: `po_${randomBytes(8).toString("hex")}`,
        object: "payout",
        amount: 12_345,
        currency: "usd",
        metadata: { order_id: "00000000-0000-0000-0000-000000000000" },
        description: "x".repeat(1_500),
      },
    },
  });
  const secret = forged ? `${SECRET}_forged` : SECRET;
  return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret }) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(port: number, forged = false): Promise<{ status: number; ms: number }> {
  const { body, signature } = signedEvent(forged);
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/stripe/webhook",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "stripe-signature": signature,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    request.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    request.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type PhaseResult = { sent: number; ok: number; perSecond: number; p50: number; p99: number };

function summarise(results: { status: number; ms: number }[], seconds: number, expected = 200): PhaseResult {
  const ok = results.filter((result) => result.status === expected);
  const latencies = ok.map((result) => result.ms).sort((a, b) => a - b);
  return {
    sent: results.length,
    ok: ok.length,
    perSecond: Math.round(ok.length / seconds),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}

/**
 * Closed loop: `concurrency` senders, each sending its next event as soon as the last is answered.
 * Forged events are refused (400) after the body is read and the signature checked, with no
 * database work: what the server costs around the route's own work.
 */
async function closedLoop(port: number, seconds: number, concurrency: number, forged = false): Promise<PhaseResult> {
  const results: { status: number; ms: number }[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) results.push(await post(port, forged));
    }),
  );
  return summarise(results, seconds, forged ? 400 : 200);
}

/** Open loop: events sent on a fixed schedule whatever the server does, as Stripe sends them. */
async function fixedRate(port: number, seconds: number, rate: number): Promise<PhaseResult> {
  const pending: Promise<{ status: number; ms: number }>[] = [];
  const started = performance.now();
  const total = Math.round(rate * seconds);
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(port));
  }
  return summarise(await Promise.all(pending), seconds);
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((response) => response.status < 500)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

function start(command: string, args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk: Buffer) => process.env.BENCH_VERBOSE && process.stdout.write(`[${label}] ${chunk}`));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk}`));
  children.push(child);
  return child;
}

async function stopAll() {
  for (const child of children) {
    if (child.exitCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await Promise.race([
      new Promise((resolve) => child.once("exit", resolve)),
      new Promise((r) => setTimeout(r, 10_000)),
    ]);
  }
}

async function measure(label: string, port: number) {
  // Warm-up at full load: Next.js needs some 10 s of traffic before its JIT settles (a first 8 s
  // runs at half the steady rate), the bare server far less; both get the same.
  await closedLoop(port, WARMUP_SECONDS, CONCURRENCY);
  const max = await closedLoop(port, SECONDS, CONCURRENCY);
  const paced = await fixedRate(port, SECONDS, RATE);
  const refused = await closedLoop(port, SECONDS, CONCURRENCY, true);
  // Other work on the machine skews every figure: the 1-minute load average says how much.
  return { label, max, paced, refused, loadAverage: Math.round(loadavg()[0]! * 10) / 10 };
}

/** Ends a --burst run early: the throughput phases that follow are for the full benchmark. */
class BurstDone extends Error {}

const databaseName = `payops_bench_webhooks_${randomBytes(4).toString("hex")}`;
const databaseUrl = withDatabase(adminUrl, databaseName);
let exitCode = 0;
try {
  await admin(`CREATE DATABASE "${databaseName}"`);
  await applyMigrations(databaseUrl);

  if (!values["skip-build"] || !existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    console.log(`Building Next.js into ${DIST_DIR} …`);
    const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const bare = values.burst
    ? undefined
    : start(
        "npx",
        ["tsx", "--conditions=react-server", "scripts/bench-webhooks-bare-server.ts"],
        { DATABASE_URL: databaseUrl, STRIPE_WEBHOOK_SECRET: SECRET, PORT: String(BARE_PORT), LOG_LEVEL: "warn" },
        "bare",
      );
  void bare;
  const startApp = (port: number, telemetry: "on" | "off", label: string) =>
    start(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/run-app.ts", "start"],
      {
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        NEXT_DIST_DIR: DIST_DIR,
        PAYOPS_DATA_DIR: `.data/bench-webhooks-${telemetry}`,
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_API_URL: "http://127.0.0.1:54370",
        PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        LOG_LEVEL: "warn",
        JOB_EXECUTOR: "local",
        PAYOPS_TELEMETRY: telemetry,
        // The closed loop is one source at full speed: the per-source flood cap must not cut it short.
        // A burst runs under the app's default cap (empty is unset).
        RATE_LIMIT_WEBHOOK_PER_SOURCE: values.burst ? "" : "1000000",
      },
      label,
    );
  startApp(APP_PORT, "on", "next");
  if (!values.burst) startApp(QUIET_APP_PORT, "off", "next-off");
  if (bare) await waitFor(`http://127.0.0.1:${BARE_PORT}/`, 60_000);
  await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`, 180_000);
  if (!values.burst) await waitFor(`http://127.0.0.1:${QUIET_APP_PORT}/api/health`, 180_000);
  if (values.burst) {
    const burst = await fixedRate(APP_PORT, SECONDS, RATE);
    console.log(
      `Burst: ${burst.sent} signed events at ${RATE}/s through next start (default per-source limit): ` +
        `${burst.ok} accepted, ack p50 ${burst.p50} ms, p99 ${burst.p99} ms (load average ${loadavg()[0]!.toFixed(1)})`,
    );
    if (burst.ok !== burst.sent) throw new Error(`${burst.sent - burst.ok} events were not accepted`);
    throw new BurstDone();
  }

  const results = [
    await measure("bare node:http", BARE_PORT),
    await measure("next start", APP_PORT),
    await measure("next, no telemetry", QUIET_APP_PORT),
  ];
  const [baseline, app, quiet] = results as [
    Awaited<ReturnType<typeof measure>>,
    Awaited<ReturnType<typeof measure>>,
    Awaited<ReturnType<typeof measure>>,
  ];
  console.log(
    `\nWebhook ingestion, ${EVENT_TYPE} events (~2 KB, signed), ${SECONDS} s per phase, ${cpus().length} CPUs`,
  );
  console.log(
    "target           | max events/s (c=%d) | p50 / p99 ms at max | at %d/s: ok/sent, p50 / p99 ms | forged, refused/s",
    CONCURRENCY,
    RATE,
  );
  for (const { label, max, paced, refused, loadAverage } of results) {
    console.log(
      `${label.padEnd(16)} | ${String(max.perSecond).padStart(19)} | ${`${max.p50} / ${max.p99}`.padStart(19)} | ${`${paced.ok}/${paced.sent}, ${paced.p50} / ${paced.p99}`.padStart(30)} | ${String(refused.perSecond).padStart(17)} (load average ${loadAverage})`,
    );
  }
  const ratio = app.max.perSecond / baseline.max.perSecond;
  // The framework's own ceiling: Next.js refusing a forged event (no database) against the bare
  // server storing a real one. Below 0.5× here, no change to the route itself can reach 0.5×.
  console.log(
    `next refusing forged events / bare storing real ones: ${(app.refused.perSecond / baseline.max.perSecond).toFixed(2)}×`,
  );
  const telemetryCost = 1 - app.max.perSecond / quiet.max.perSecond;
  console.log(`metrics and tracing cost: ${(telemetryCost * 100).toFixed(1)}% of the acknowledgement rate`);
  const goals = {
    "telemetry costs ≤ 10% of the ack rate": telemetryCost <= 0.1,
    "≥ 500 events/s sustained": app.max.perSecond >= 500,
    [`p99 ≤ 100 ms at ${RATE}/s`]: app.paced.p99 <= 100 && app.paced.ok === app.paced.sent,
    "≥ 0.5× the bare baseline": ratio >= 0.5,
  };
  console.log(`next / bare throughput: ${ratio.toFixed(2)}×`);
  for (const [goal, met] of Object.entries(goals)) console.log(`${met ? "met    " : "MISSED "} ${goal}`);
  console.log(
    JSON.stringify({ eventType: EVENT_TYPE, seconds: SECONDS, rate: RATE, concurrency: CONCURRENCY, results }),
  );
} catch (error) {
  if (!(error instanceof BurstDone)) {
    console.error(error instanceof Error ? error.message : String(error));
    exitCode = 1;
  }
} finally {
  await stopAll();
  agent.destroy();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch(() => {});
}
process.exit(exitCode);
