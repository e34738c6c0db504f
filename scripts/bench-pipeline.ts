// Event-processing benchmark: real orders paid through the sandbox, their recorded events
// delivered signed to `next start` (production build) on real PostgreSQL, processed by the
// inbox worker (a process of its own by default, or inside the app with --in-app). Reports, from
// one run: acknowledgements/s of a 10,000-event burst; events applied/s and lag from the inbox's
// timestamps; lag p50/p99 at a steady offered rate; the same build refusing forged events (the
// framework's floor); a replay of the burst (its cost, and that it changed nothing). A second
// burst of as many events arrives while processing is paused (the operations page's switch) and
// is applied on resume: acknowledgement without processing beside it, and the rate at which a
// backlog is worked off. For the burst and the backlog, the CPU per event of the web server, the
// worker, PostgreSQL and the whole machine, from /proc. JSON last.
//
//   npm run bench:pipeline [-- --skip-build] [-- --in-app | --workers 2] [-- --burst-orders 2500 --steady-rate 200 --steady-seconds 60]
//
// The recording: the orders are made and paid at the start of each run (checkout, then confirm
// with a test card), and the events the sandbox emitted for them are what gets delivered; the
// sandbox stays up so processing re-reads the same PaymentIntents. PostgreSQL at BENCH_ADMIN_URL
// (default the local server on 5432) gets a database of its own, dropped at the end. Ports:
// BENCH_PORT (default 3300) for the app, +1 for the sandbox.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { seedCatalogue } from "../server/catalogue/seed-catalogue";
import { createPrismaClient } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { withDatabase } from "../server/db/postgres-server";
import { createStripeClient } from "../server/stripe/client";
import { startSandbox } from "../server/stripe-sandbox";
import { replayStripeEvents } from "../server/webhooks/replay-stripe-events";
import { machineCpu, postgresCpuMs, processGroupCpuMs } from "./bench-common/cpu-usage";
import { closeDeliveries, deliverAll, deliverAtRate, deliverFor } from "./bench-pipeline/deliver-events";
import { payOrders, type RecordedEvent, recordedEvents, waitForSandboxQuiet } from "./bench-pipeline/pay-orders";
import { ledgerCheck, readInbox, stateFingerprint, waitForProcessed } from "./bench-pipeline/read-inbox";

const { values } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    "in-app": { type: "boolean", default: false },
    "burst-orders": { type: "string", default: "2500" },
    "steady-rate": { type: "string", default: "200" },
    "steady-seconds": { type: "string", default: "60" },
    "floor-seconds": { type: "string", default: "10" },
    concurrency: { type: "string", default: "32" },
    workers: { type: "string", default: "1" },
  },
});
const IN_APP = values["in-app"]!;
const BURST_ORDERS = Number(values["burst-orders"]);
const STEADY_RATE = Number(values["steady-rate"]);
const STEADY_SECONDS = Number(values["steady-seconds"]);
const FLOOR_SECONDS = Number(values["floor-seconds"]);
const CONCURRENCY = Number(values.concurrency);
const WORKERS = Number(values.workers);
const EVENTS_PER_ORDER = 4;
const APP_PORT = Number(process.env.BENCH_PORT || 3300);
const SANDBOX_PORT = APP_PORT + 1;
const DIST_DIR = ".next-pipeline";
const SECRET = `whsec_bench_${randomBytes(12).toString("hex")}`;
/** Not the endpoint's secret: what a forger would sign with. */
const FORGED_SECRET = `whsec_forged_${randomBytes(12).toString("hex")}`;
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseName = `pipeline_bench_${randomBytes(4).toString("hex")}`;
const databaseUrl = withDatabase(adminUrl, databaseName);
const children: ChildProcess[] = [];
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const load = () => Math.round(loadavg()[0]! * 100) / 100;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function start(args: string[], env: Record<string, string>, label: string): ChildProcess {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", ...args], {
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

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A payment-sized body no one signed with our secret: the route refuses it before any database work. */
function forgedBody(): string {
  return JSON.stringify({
    id: `evt_forged_${randomBytes(8).toString("hex")}`,
    object: "event",
    type: "payment_intent.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: { id: `pi_${randomBytes(8).toString("hex")}`, object: "payment_intent", description: "x".repeat(1500) },
    },
  });
}

type CpuPerEvent = { webServer: number; workers: number; postgres: number; machine: number };

/** Starts measuring a phase; call the result with the phase's events for CPU ms per event by part. */
function startPhaseCpu(appGroup: number, workerGroups: number[]) {
  const read = () => ({
    webServer: processGroupCpuMs(appGroup),
    workers: workerGroups.reduce((sum, group) => sum + processGroupCpuMs(group), 0),
    postgres: postgresCpuMs(),
    machine: machineCpu().busyMs,
  });
  return () => {
    const before = read();
    return (events: number): CpuPerEvent => {
      const after = read();
      const per = (part: keyof CpuPerEvent) => Math.round(((after[part] - before[part]) / events) * 100) / 100;
      return {
        webServer: per("webServer"),
        workers: per("workers"),
        postgres: per("postgres"),
        machine: per("machine"),
      };
    };
  };
}

const describeCpu = (cpu: CpuPerEvent) =>
  `web server ${cpu.webServer} ms, ${IN_APP ? "" : `worker${WORKERS > 1 ? "s" : ""} ${cpu.workers} ms, `}` +
  `PostgreSQL ${cpu.postgres} ms; the whole machine ${cpu.machine} ms`;

const ids = (events: RecordedEvent[]) => events.map((event) => event.id);
const bodies = (events: RecordedEvent[]) => events.map((event) => event.body);

let exitCode = 0;
const sandbox = await startSandbox({
  port: SANDBOX_PORT,
  host: "127.0.0.1",
  config: { timing: { chargeBalanceTransactionDelayMs: 200 }, payouts: { automatic: false } },
});
const inbox = new pg.Client({ connectionString: databaseUrl });
try {
  await admin(`CREATE DATABASE "${databaseName}"`);
  await applyMigrations(databaseUrl);
  await inbox.connect();
  const prisma = createPrismaClient(databaseUrl);
  await seedCatalogue(prisma);
  const stripe = createStripeClient({ apiUrl: sandbox.url });

  // The build runs while the orders are paid: neither needs the other.
  let built: Promise<void> = Promise.resolve();
  if (!values["skip-build"] || !existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    log(`building Next.js into ${DIST_DIR}`);
    const build = spawn(path.resolve("node_modules/.bin/next"), ["build"], {
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    built = new Promise((resolve, reject) =>
      build.once("exit", (code) => {
        spawnSync("git", ["checkout", "tsconfig.json"]);
        if (code === 0) resolve();
        else reject(new Error("next build failed"));
      }),
    );
    built.catch(() => {});
  }

  // The recording: three sets of real orders, paid now; their events are delivered later.
  const steadyOrders = Math.ceil((STEADY_RATE * STEADY_SECONDS) / EVENTS_PER_ORDER);
  const recordStarted = performance.now();
  const sets = { warm: 200, burst: BURST_ORDERS, backlog: BURST_ORDERS, steady: steadyOrders };
  const paid: Record<string, string[]> = {};
  for (const [label, count] of Object.entries(sets))
    paid[label] = await payOrders({ prisma, stripe }, { count, label });
  await waitForSandboxQuiet(sandbox);
  const events = Object.fromEntries(Object.entries(paid).map(([label, pis]) => [label, recordedEvents(sandbox, pis)]));
  const types: Record<string, number> = {};
  for (const event of events.burst!) types[event.type] = (types[event.type] ?? 0) + 1;
  log(
    `recorded ${Object.values(sets).reduce((a, b) => a + b, 0)} paid orders in ${((performance.now() - recordStarted) / 1000).toFixed(1)} s; ` +
      `burst: ${events.burst!.length} events ${JSON.stringify(types)}; steady: ${events.steady!.length} events`,
  );
  await prisma.$disconnect();
  await built;

  const common = {
    DATABASE_URL: databaseUrl,
    STRIPE_API_URL: sandbox.url,
    STRIPE_WEBHOOK_SECRET: SECRET,
    PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
    JOB_EXECUTOR: "local",
    NODE_ENV: "production",
    RATE_LIMIT_WEBHOOK_PER_SOURCE: "1000000",
    REDIS_URL: "",
  };
  const app = start(
    ["scripts/run-app.ts", "start"],
    {
      ...common,
      PORT: String(APP_PORT),
      APP_URL: `http://127.0.0.1:${APP_PORT}`,
      NEXT_DIST_DIR: DIST_DIR,
      PAYOPS_DATA_DIR: ".data/bench-pipeline",
      STRIPE_EVENT_WORKER: IN_APP ? "in-app" : "external",
    },
    "app",
  );
  const workers: ChildProcess[] = [];
  if (!IN_APP)
    for (let n = 0; n < WORKERS; n += 1) workers.push(start(["scripts/run-worker.ts"], common, `worker ${n + 1}`));
  // Where a phase's CPU went, per event, from /proc: each process was started detached, so its
  // process group is its pid and holds what it started.
  const cpuPerEvent = startPhaseCpu(
    app.pid!,
    workers.map((worker) => worker.pid!),
  );
  await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`, 180_000);
  log(`app up (${IN_APP ? "processing inside the app" : "processing in npm run worker"}); warming up`);

  // Warm-up: the route and processing both, so the JIT has settled before anything is measured.
  await deliverFor(APP_PORT, forgedBody, FORGED_SECRET, 8, CONCURRENCY, 400);
  await deliverAll(APP_PORT, bodies(events.warm!), SECRET, CONCURRENCY);
  await waitForProcessed(inbox, ids(events.warm!), 120_000);

  const floor = await deliverFor(APP_PORT, forgedBody, FORGED_SECRET, FLOOR_SECONDS, CONCURRENCY, 400);
  const floorLoad = load();
  log(`floor: forged events refused at ${floor.perSecond}/s (load ${floorLoad})`);

  const burstCpu = cpuPerEvent();
  const burstAck = await deliverAll(APP_PORT, bodies(events.burst!), SECRET, CONCURRENCY);
  const ackLoad = load();
  await waitForProcessed(inbox, ids(events.burst!), 600_000);
  const burst = await readInbox(inbox, ids(events.burst!));
  const burstLoad = load();
  const burstCpuMs = burstCpu(events.burst!.length);
  log(`burst: acked ${burstAck.perSecond}/s, applied ${burst.appliedPerSecond}/s, lag p99 ${burst.lagP99Ms} ms`);

  const before = await stateFingerprint(inbox);
  const replayPrisma = createPrismaClient(databaseUrl);
  const replayStarted = performance.now();
  const replayed = await replayStripeEvents({ stripeEventIds: ids(events.burst!) }, { prisma: replayPrisma, stripe });
  const replaySeconds = (performance.now() - replayStarted) / 1000;
  await replayPrisma.$disconnect();
  const after = await stateFingerprint(inbox);
  const changed = Object.keys(before).filter((part) => before[part] !== after[part]);
  const firstPassSeconds = burst.spanSeconds;
  log(
    `replay: ${replaySeconds.toFixed(1)} s against ${firstPassSeconds.toFixed(1)} s; changed: ${changed.join(", ") || "nothing"}`,
  );

  // The backlog: stored while processing is paused, applied from the moment it resumes.
  await inbox.query("INSERT INTO processing_pauses (pipeline, reason) VALUES ('stripe_events', 'benchmark backlog')");
  const backlogAck = await deliverAll(APP_PORT, bodies(events.backlog!), SECRET, CONCURRENCY);
  const backlogAckLoad = load();
  const backlogCpu = cpuPerEvent();
  await inbox.query("DELETE FROM processing_pauses WHERE pipeline = 'stripe_events'");
  await waitForProcessed(inbox, ids(events.backlog!), 600_000);
  const backlog = await readInbox(inbox, ids(events.backlog!));
  const backlogLoad = load();
  const backlogCpuMs = backlogCpu(events.backlog!.length);
  log(`backlog: acked ${backlogAck.perSecond}/s while paused, then applied at ${backlog.processingPerSecond}/s`);

  const steadyAck = await deliverAtRate(APP_PORT, bodies(events.steady!), SECRET, STEADY_RATE);
  const steadyLoad = load();
  await waitForProcessed(inbox, ids(events.steady!), 600_000);
  const steady = await readInbox(inbox, ids(events.steady!));
  log(`steady ${STEADY_RATE}/s: lag p50 ${steady.lagP50Ms} ms, p99 ${steady.lagP99Ms} ms`);

  const ledger = await ledgerCheck(inbox);
  const paidOrders = Object.values(sets).reduce((a, b) => a + b, 0);
  const goals = {
    "burst fully applied at >= 500 events/s (arriving and processed at once)":
      burst.processed === burst.events && burst.appliedPerSecond >= 500,
    "backlog of the same size applied at >= 500 events/s once resumed":
      backlog.processed === backlog.events && backlog.processingPerSecond >= 500,
    [`steady ${STEADY_RATE}/s for ${STEADY_SECONDS} s: lag p99 <= 1 s`]: steady.lagP99Ms <= 1000,
    "ack >= 0.9x the framework floor, processing beside it": burstAck.perSecond >= 0.9 * floor.perSecond,
    "ack >= 0.9x the framework floor, processing paused": backlogAck.perSecond >= 0.9 * floor.perSecond,
    "replay costs <= 1.2x the first pass": replaySeconds <= 1.2 * firstPassSeconds,
    "replay changed nothing": changed.length === 0 && replayed.failed.length === 0,
    "ledger balanced, every order paid and posted once":
      ledger.unbalanced === 0 && ledger.paid === ledger.captures && ledger.paid === paidOrders,
  };
  console.log(
    `\nEvent processing, ${cpus().length} CPUs, ${IN_APP ? "inside the app" : `${WORKERS} worker process(es)`}`,
  );
  console.log(`  floor (forged, refused):      ${floor.perSecond}/s (load ${floorLoad})`);
  console.log(
    `  burst ack:                    ${burstAck.perSecond}/s = ${(burstAck.perSecond / floor.perSecond).toFixed(2)}x floor (ack p99 ${burstAck.p99} ms, load ${ackLoad})`,
  );
  console.log(
    `  burst applied:                ${burst.appliedPerSecond}/s, ${burst.processed}/${burst.events} events, lag p50 ${burst.lagP50Ms} ms p99 ${burst.lagP99Ms} ms (load ${burstLoad})`,
  );
  console.log(`    CPU per event, acknowledged and applied: ${describeCpu(burstCpuMs)}`);
  console.log(
    `  backlog ack (paused):         ${backlogAck.perSecond}/s = ${(backlogAck.perSecond / floor.perSecond).toFixed(2)}x floor (ack p99 ${backlogAck.p99} ms, load ${backlogAckLoad})`,
  );
  console.log(
    `  backlog applied on resume:    ${backlog.processingPerSecond}/s, ${backlog.processed}/${backlog.events} events (load ${backlogLoad})`,
  );
  console.log(`    CPU per event, applied:                  ${describeCpu(backlogCpuMs)}`);
  console.log(
    `  replay:                       ${replaySeconds.toFixed(2)} s vs ${firstPassSeconds.toFixed(2)} s = ${(replaySeconds / firstPassSeconds).toFixed(2)}x, ${JSON.stringify(replayed.outcomes)}`,
  );
  console.log(
    `  steady ${STEADY_RATE}/s:                lag p50 ${steady.lagP50Ms} ms, p99 ${steady.lagP99Ms} ms, max ${steady.lagMaxMs} ms (ack p99 ${steadyAck.p99} ms, load ${steadyLoad})`,
  );
  for (const [goal, met] of Object.entries(goals)) console.log(`${met ? "met    " : "MISSED "} ${goal}`);
  if (Object.values(goals).some((met) => !met)) exitCode = 1;
  console.log(
    JSON.stringify({
      cpus: cpus().length,
      processing: IN_APP ? "in-app" : `${WORKERS} worker process(es)`,
      floor: { ...floor, load: floorLoad },
      burst: {
        orders: BURST_ORDERS,
        types,
        ack: { ...burstAck, load: ackLoad },
        inbox: { ...burst, load: burstLoad },
        cpuMsPerEvent: burstCpuMs,
        ackToFloor: Math.round((burstAck.perSecond / floor.perSecond) * 100) / 100,
      },
      backlog: {
        ack: { ...backlogAck, load: backlogAckLoad },
        inbox: { ...backlog, load: backlogLoad },
        cpuMsPerEvent: backlogCpuMs,
        ackToFloor: Math.round((backlogAck.perSecond / floor.perSecond) * 100) / 100,
      },
      replay: {
        seconds: Math.round(replaySeconds * 100) / 100,
        firstPassSeconds: Math.round(firstPassSeconds * 100) / 100,
        ratio: Math.round((replaySeconds / firstPassSeconds) * 100) / 100,
        outcomes: replayed.outcomes,
        failed: replayed.failed.length,
        changed,
      },
      steady: { rate: STEADY_RATE, seconds: STEADY_SECONDS, ack: { ...steadyAck, load: steadyLoad }, inbox: steady },
      ledger,
      goals,
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitCode = 1;
} finally {
  await stopAll();
  closeDeliveries();
  await inbox.end().catch(() => {});
  await sandbox.stop();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch(() => {});
}
process.exit(exitCode);
