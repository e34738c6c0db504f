// Webhook ingestion benchmark: signed events against `next start` (the real route, real
// PostgreSQL) and, in the same run, against a bare node:http server doing the same
// verify-and-insert. Reports events/s (closed loop) and ack latency p50/p99 at a fixed rate.
// The cost of telemetry: the same build with metrics and tracing off (PAYOPS_TELEMETRY=off) and on
// (/api/metrics scraped every 5 s, spans exported over OTLP to a local collector stand-in, as in
// production), on twice: every trace exported, and 1 in 10 (OTEL_TRACES_SAMPLER
// parentbased_traceidratio, the standard knob). Measured in many short rotating rounds so a change
// of load on the machine falls on all alike; each round's on/off ratio, their median, and the CPU
// each variant's app spent per acknowledged event (from /proc: on a shared virtual machine
// throughput moves with the host's other tenants, CPU per event far less) are printed.
//
//   npm run bench:webhooks [-- --skip-build] [-- --seconds 10 --warmup 15 --rate 300 --concurrency 32 --rounds 12 --turn-seconds 4]
//   npm run bench:webhooks -- --burst --seconds 4 --rate 500   (a Stripe-like burst through the app
//   alone, under its default per-source rate limit: every event must be accepted)
//
// Uses PostgreSQL at BENCH_ADMIN_URL (default the local server on 5432) to create and drop its
// own databases (one per server); ports 3200, 3201 and 3202 (Next.js), 12220 (bare server) and 12221 (OTLP receiver),
// or BENCH_PORT and the four after it; no sandbox is started.
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
import { type CpuSpent, startCpuMeasure } from "./bench-common/cpu-usage";

const { values } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    burst: { type: "boolean", default: false },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "15" },
    rate: { type: "string", default: "300" },
    concurrency: { type: "string", default: "32" },
    rounds: { type: "string", default: "12" },
    "turn-seconds": { type: "string", default: "4" },
    type: { type: "string", default: "payout.reconciliation_completed" },
  },
});
const SECONDS = Number(values.seconds);
const WARMUP_SECONDS = Number(values.warmup);
const RATE = Number(values.rate);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Math.max(1, Number(values.rounds));
const TURN_SECONDS = Number(values["turn-seconds"]);
const EVENT_TYPE = values.type!;
// BENCH_PORT moves the three servers (app, app without telemetry, bare) to BENCH_PORT, +1 and +2.
const BASE_PORT = Number(process.env.BENCH_PORT || 0);
const APP_PORT = BASE_PORT || 3200;
// The same build with PAYOPS_TELEMETRY=off (no metrics, no tracing): what telemetry costs.
const QUIET_APP_PORT = BASE_PORT ? BASE_PORT + 1 : 3201;
const BARE_PORT = BASE_PORT ? BASE_PORT + 2 : 12220;
const OTLP_PORT = BASE_PORT ? BASE_PORT + 3 : 12221;
const SAMPLED_APP_PORT = BASE_PORT ? BASE_PORT + 4 : 3202;
const SAMPLE_RATIO = 0.1;
const METRICS_TOKEN = randomBytes(24).toString("hex");
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

type OtlpTally = Record<string, { requests: number; bytes: number }>;

/** What the collector stand-in (a process of its own) has received, by app. */
async function otlpTally(port: number): Promise<OtlpTally> {
  return (await fetch(`http://127.0.0.1:${port}/tally`)).json() as Promise<OtlpTally>;
}

/** Scrapes /api/metrics as Prometheus would, every `intervalMs`, until stopped. */
function scrapeMetrics(port: number, intervalMs: number) {
  const scrapes = { ok: 0, failed: 0 };
  const timer = setInterval(() => {
    fetch(`http://127.0.0.1:${port}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) scrapes.ok += 1;
        else scrapes.failed += 1;
      })
      .catch(() => {
        scrapes.failed += 1;
      });
  }, intervalMs);
  return { scrapes, stop: () => clearInterval(timer) };
}

/** The round whose rate is the median, whole, so its latencies belong to the same phase. */
function medianRound(phases: PhaseResult[]): PhaseResult {
  const sorted = [...phases].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

type Variant = "off" | "on" | "sampled";
const VARIANTS: { variant: Variant; label: string }[] = [
  { variant: "off", label: "next, no telemetry" },
  { variant: "on", label: "next start" },
  { variant: "sampled", label: "next, 1/10 traced" },
];

type Turn = PhaseResult & {
  /** CPU the variant's app (all its processes) spent per acknowledged event, ms. */
  appCpuMs: number;
  /** CPU the whole machine spent per acknowledged event (sender, PostgreSQL, collector too), ms. */
  machineCpuMs: number;
  /** Share of the machine's time the host gave to other tenants meanwhile. */
  steal: number;
};

function perEvent(spent: CpuSpent, phase: PhaseResult): Omit<Turn, keyof PhaseResult> {
  const per = (ms: number) => (phase.ok > 0 ? Math.round((ms / phase.ok) * 1000) / 1000 : Number.NaN);
  return {
    appCpuMs: per(spent.processMs),
    machineCpuMs: per(spent.machineBusyMs),
    steal: Math.round(spent.stealShare * 1000) / 1000,
  };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Waits until the variant's inbox has processed every event it stored (at most 60 s). */
async function inboxDrained(variant: Variant) {
  const client = new pg.Client({ connectionString: databaseUrl(variant) });
  await client.connect();
  try {
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS waiting FROM stripe_events WHERE processed_at IS NULL",
      );
      if (rows[0].waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the ${variant} app's inbox was not worked off within 60 s`);
  } finally {
    await client.end();
  }
}

/**
 * The three variants of the app: each warms up, then they take short turns at full load, `ROUNDS`
 * times, the one going first rotating, so a change in the machine's other load falls on all alike.
 * Each turn also measures the CPU its app spent per acknowledged event.
 */
async function measureVariants(ports: Record<Variant, number>, groups: Record<Variant, number>) {
  for (const { variant } of VARIANTS) {
    await closedLoop(ports[variant], WARMUP_SECONDS, CONCURRENCY);
    await inboxDrained(variant);
  }
  const rounds: Record<Variant, Turn>[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const measured: Partial<Record<Variant, Turn>> = {};
    for (let turn = 0; turn < VARIANTS.length; turn += 1) {
      const { variant } = VARIANTS[(round + turn) % VARIANTS.length]!;
      const spent = startCpuMeasure(groups[variant]);
      const phase = await closedLoop(ports[variant], TURN_SECONDS, CONCURRENCY);
      // The app processes what it stored after acknowledging it: its turn ends when its inbox is
      // empty, so that work is counted as its own and does not fall into the next variant's turn.
      await inboxDrained(variant);
      measured[variant] = { ...phase, ...perEvent(spent(), phase) };
    }
    rounds.push(measured as Record<Variant, Turn>);
  }
  const results = {} as Record<Variant, Awaited<ReturnType<typeof measure>>>;
  for (const { variant, label } of VARIANTS) {
    results[variant] = {
      label,
      max: medianRound(rounds.map((round) => round[variant])),
      paced: await fixedRate(ports[variant], SECONDS, RATE),
      refused: await closedLoop(ports[variant], SECONDS, CONCURRENCY, true),
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    };
  }
  return { results, rounds };
}

/** Ends a --burst run early: the throughput phases that follow are for the full benchmark. */
class BurstDone extends Error {}

// A database for each server: every app processes the events it stored (its own inbox worker, as
// in production), and none works off another's, which would put one variant's cost on another.
const runId = randomBytes(4).toString("hex");
const databaseNames = Object.fromEntries(
  (["bare", "off", "on", "sampled"] as const).map((name) => [name, `payops_bench_webhooks_${runId}_${name}`]),
) as Record<"bare" | Variant, string>;
const databaseUrl = (name: "bare" | Variant) => withDatabase(adminUrl, databaseNames[name]);
let exitCode = 0;
try {
  for (const [name, database] of Object.entries(databaseNames)) {
    await admin(`CREATE DATABASE "${database}"`);
    await applyMigrations(databaseUrl(name as "bare" | Variant));
  }

  if (!values["skip-build"] || !existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    console.log(`Building Next.js into ${DIST_DIR} …`);
    const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    // next build adds its dist folder's types to tsconfig.json; the checkout keeps its own.
    spawnSync("git", ["checkout", "tsconfig.json"]);
    if (build.status !== 0) throw new Error("next build failed");
  }

  const bare = values.burst
    ? undefined
    : start(
        "npx",
        ["tsx", "--conditions=react-server", "scripts/bench-webhooks-bare-server.ts"],
        {
          DATABASE_URL: databaseUrl("bare"),
          STRIPE_WEBHOOK_SECRET: SECRET,
          PORT: String(BARE_PORT),
          LOG_LEVEL: "warn",
        },
        "bare",
      );
  void bare;
  const otlp = values.burst
    ? undefined
    : start("npx", ["tsx", "scripts/bench-webhooks/otlp-receiver.ts"], { PORT: String(OTLP_PORT) }, "otlp");
  const startApp = (port: number, variant: Variant, label: string) =>
    start(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/run-app.ts", "start"],
      {
        PORT: String(port),
        DATABASE_URL: databaseUrl(variant),
        NEXT_DIST_DIR: DIST_DIR,
        PAYOPS_DATA_DIR: `.data/bench-webhooks-${variant}`,
        STRIPE_WEBHOOK_SECRET: SECRET,
        STRIPE_API_URL: "http://127.0.0.1:54370",
        PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        LOG_LEVEL: "warn",
        JOB_EXECUTOR: "local",
        PAYOPS_TELEMETRY: variant === "off" ? "off" : "on",
        // On as in production: spans leave over OTLP and Prometheus scrapes (off: neither exists).
        OTEL_EXPORTER_OTLP_ENDPOINT: variant !== "off" && otlp ? `http://127.0.0.1:${OTLP_PORT}/${variant}` : "",
        OTEL_TRACES_SAMPLER: variant === "sampled" ? "parentbased_traceidratio" : "",
        OTEL_TRACES_SAMPLER_ARG: variant === "sampled" ? String(SAMPLE_RATIO) : "",
        METRICS_TOKEN: variant !== "off" ? METRICS_TOKEN : "",
        // The closed loop is one source at full speed: the per-source flood cap must not cut it short.
        // A burst runs under the app's default cap (empty is unset).
        RATE_LIMIT_WEBHOOK_PER_SOURCE: values.burst ? "" : "1000000",
      },
      label,
    );
  const apps: Partial<Record<Variant, ChildProcess>> = { on: startApp(APP_PORT, "on", "next") };
  if (!values.burst) {
    apps.off = startApp(QUIET_APP_PORT, "off", "next-off");
    apps.sampled = startApp(SAMPLED_APP_PORT, "sampled", "next-sampled");
  }
  if (bare) await waitFor(`http://127.0.0.1:${BARE_PORT}/`, 60_000);
  if (otlp) await waitFor(`http://127.0.0.1:${OTLP_PORT}/tally`, 60_000);
  await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`, 180_000);
  if (!values.burst) {
    await waitFor(`http://127.0.0.1:${QUIET_APP_PORT}/api/health`, 180_000);
    await waitFor(`http://127.0.0.1:${SAMPLED_APP_PORT}/api/health`, 180_000);
  }
  if (values.burst) {
    const burst = await fixedRate(APP_PORT, SECONDS, RATE);
    console.log(
      `Burst: ${burst.sent} signed events at ${RATE}/s through next start (default per-source limit): ` +
        `${burst.ok} accepted, ack p50 ${burst.p50} ms, p99 ${burst.p99} ms (load average ${loadavg()[0]!.toFixed(1)})`,
    );
    if (burst.ok !== burst.sent) throw new Error(`${burst.sent - burst.ok} events were not accepted`);
    throw new BurstDone();
  }

  const baseline = await measure("bare node:http", BARE_PORT);
  const scrapers = [scrapeMetrics(APP_PORT, 5_000), scrapeMetrics(SAMPLED_APP_PORT, 5_000)];
  // Each app was started detached: its process group is its pid, and holds Next.js's processes too.
  const groups = { off: apps.off!.pid!, on: apps.on!.pid!, sampled: apps.sampled!.pid! };
  const measured = await measureVariants({ off: QUIET_APP_PORT, on: APP_PORT, sampled: SAMPLED_APP_PORT }, groups);
  const received = await otlpTally(OTLP_PORT);
  for (const scraper of scrapers) scraper.stop();
  const { rounds } = measured;
  const { on: app, off: quiet, sampled } = measured.results;
  const results = [baseline, quiet, app, sampled];
  console.log(
    `\nWebhook ingestion, ${EVENT_TYPE} events (~2 KB, signed), ${SECONDS} s per phase, ${cpus().length} CPUs`,
  );
  console.log(
    "target             | max events/s (c=%d) | p50 / p99 ms at max | at %d/s: ok/sent, p50 / p99 ms | forged, refused/s",
    CONCURRENCY,
    RATE,
  );
  for (const { label, max, paced, refused, loadAverage } of results) {
    console.log(
      `${label.padEnd(18)} | ${String(max.perSecond).padStart(19)} | ${`${max.p50} / ${max.p99}`.padStart(19)} | ${`${paced.ok}/${paced.sent}, ${paced.p50} / ${paced.p99}`.padStart(30)} | ${String(refused.perSecond).padStart(17)} (load average ${loadAverage})`,
    );
  }
  const ratio = app.max.perSecond / baseline.max.perSecond;
  // The framework's own ceiling: Next.js refusing a forged event (no database) against the bare
  // server storing a real one. Below 0.5× here, no change to the route itself can reach 0.5×.
  console.log(
    `next refusing forged events / bare storing real ones: ${(app.refused.perSecond / baseline.max.perSecond).toFixed(2)}×`,
  );
  const perRound = (variant: Variant) => rounds.map((round) => round[variant].perSecond).join(", ");
  console.log(
    `\nAcknowledgement rate, closed loop, ${ROUNDS} rotating rounds of ${TURN_SECONDS} s (events/s): off ${perRound("off")}; ` +
      `on ${perRound("on")}; on, 1 in ${Math.round(1 / SAMPLE_RATIO)} traced ${perRound("sampled")}`,
  );
  // Each round's own ratio: the variants of one round ran back to back, under the same other load.
  // The cost is the median of those: a slow spell of the machine falls inside one round.
  const ratios = (variant: Variant) => rounds.map((round) => round[variant].perSecond / round.off.perSecond);
  const cost = (variant: Variant) => 1 - median(ratios(variant));
  const cpu = (variant: Variant, of: "appCpuMs" | "machineCpuMs") =>
    Math.round(median(rounds.map((round) => round[variant][of])) * 1000) / 1000;
  const cpuCost = (variant: Variant) => 1 - cpu("off", "appCpuMs") / cpu(variant, "appCpuMs");
  console.log(
    `  on / off by round: ${ratios("on")
      .map((r) => r.toFixed(3))
      .join(", ")}; 1 in ${Math.round(1 / SAMPLE_RATIO)} traced / off by round: ${ratios("sampled")
      .map((r) => r.toFixed(3))
      .join(", ")}`,
  );
  const steal = median(rounds.flatMap((round) => VARIANTS.map(({ variant }) => round[variant].steal)));
  console.log(
    `  CPU per acknowledged event, median of rounds, the app's processes / the whole machine: ` +
      VARIANTS.map(({ variant }) => `${variant} ${cpu(variant, "appCpuMs")} / ${cpu(variant, "machineCpuMs")} ms`).join(
        "; ",
      ) +
      ` (the host took ${(steal * 100).toFixed(1)}% of the machine's time, median of turns)`,
  );
  for (const variant of ["on", "sampled"] as const) {
    const tally = received[variant] ?? { requests: 0, bytes: 0 };
    console.log(
      `  ${variant === "on" ? "every trace exported" : `1 in ${Math.round(1 / SAMPLE_RATIO)} traces exported`}: ` +
        `median ${measured.results[variant].max.perSecond}/s against off ${quiet.max.perSecond}/s; ` +
        `on / off ${(1 - cost(variant)).toFixed(3)}× (median of rounds): metrics and tracing cost ` +
        `${(cost(variant) * 100).toFixed(1)}% of the acknowledgement rate, ${(cpuCost(variant) * 100).toFixed(1)}% ` +
        `in the app's CPU per event (${tally.requests} OTLP exports, ${Math.round(tally.bytes / 1024)} KB)`,
    );
  }
  const scrapesOk = scrapers.every((scraper) => scraper.scrapes.ok > 0 && scraper.scrapes.failed === 0);
  console.log(`  /api/metrics scraped ${scrapers.map((scraper) => scraper.scrapes.ok).join(" and ")} times`);
  const goals = {
    "telemetry, every trace exported, costs ≤ 10% of the ack rate": cost("on") <= 0.1,
    [`telemetry, 1 in ${Math.round(1 / SAMPLE_RATIO)} traces exported, costs ≤ 10% of the ack rate`]:
      cost("sampled") <= 0.1,
    "spans exported and metrics scraped while on":
      (received.on?.requests ?? 0) > 0 && (received.sampled?.requests ?? 0) > 0 && scrapesOk,
    "≥ 500 events/s sustained": app.max.perSecond >= 500,
    [`p99 ≤ 100 ms at ${RATE}/s`]: app.paced.p99 <= 100 && app.paced.ok === app.paced.sent,
    "≥ 0.5× the bare baseline": ratio >= 0.5,
  };
  console.log(`next / bare throughput: ${ratio.toFixed(2)}×`);
  for (const [goal, met] of Object.entries(goals)) console.log(`${met ? "met    " : "MISSED "} ${goal}`);
  console.log(
    JSON.stringify({ eventType: EVENT_TYPE, seconds: SECONDS, rate: RATE, concurrency: CONCURRENCY, results, rounds }),
  );
} catch (error) {
  if (!(error instanceof BurstDone)) {
    console.error(error instanceof Error ? error.message : String(error));
    exitCode = 1;
  }
} finally {
  await stopAll();
  agent.destroy();
  for (const database of Object.values(databaseNames))
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
}
process.exit(exitCode);
