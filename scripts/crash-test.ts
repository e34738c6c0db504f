// Crash test: the production build under steady load (checkouts paying through the sandbox,
// webhooks arriving, support refunding through the app's own endpoints, sandbox faults on) is
// killed with SIGKILL at planned random moments and restarted; PostgreSQL is stopped and started
// mid-run; the sandbox goes away for a while during refunds. At the end every order, refund and
// dispute must agree with the sandbox, no refund may have been made twice or be left `issuing`,
// the ledger must balance and nothing may be owed or parked. Prints its seed first and a JSON
// summary last; exits 1 on any disagreement or any 500.
//
//   npm run test:crash                       the large run: 5 kills, a PostgreSQL restart, 30 s outage
//   npm run test:crash -- --small            the CI run: 1 kill, small counts, a 5 s outage
//   npm run test:crash -- --seed 1234        replay a run's plan (its kills, cards, refunds, faults)
//   npm run test:crash -- --skip-build       reuse the build in NEXT_DIST_DIR (default .next-crash)
//
// Ports: CRASH_APP_PORT, CRASH_POSTGRES_PORT and CRASH_SANDBOX_PORT when set, else free ones.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Stripe from "stripe";
import { DEVELOPMENT_STAFF } from "../server/auth/development-staff";
import { seedCatalogue } from "../server/catalogue/seed-catalogue";
import { createPrismaClient } from "../server/db/client";
import { type EmbeddedServer, startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { pickFreePort } from "../server/db/is-port-free";
import { createStripeClient } from "../server/stripe/client";
import { appWebhookUrl, registerSandboxWebhook } from "../server/stripe/register-sandbox-webhook";
import { controlHeaders, startSandbox } from "../server/stripe-sandbox";
import { type AppAnswer, AppClient, waitForHealthy } from "./crash/app-client";
import { type Agreement, checkAgreement } from "./crash/check-agreement";
import { type CheckoutCard, crashPlan } from "./crash/crash-plan";

const { values } = parseArgs({
  options: {
    small: { type: "boolean", default: false },
    seed: { type: "string" },
    orders: { type: "string" },
    kills: { type: "string" },
    "load-seconds": { type: "string" },
    "outage-seconds": { type: "string" },
    "skip-build": { type: "boolean", default: false },
    "no-postgres-restart": { type: "boolean", default: false },
  },
});
const small = values.small!;
const seed = values.seed ? Number(values.seed) : randomInt(1, 2 ** 31);
const size = {
  orders: Number(values.orders ?? (small ? 14 : 90)),
  kills: Number(values.kills ?? (small ? 1 : 5)),
  loadMs: Number(values["load-seconds"] ?? (small ? 30 : 150)) * 1000,
  postgresRestart: !values["no-postgres-restart"] && !small,
  sandboxOutageMs: Number(values["outage-seconds"] ?? (small ? 5 : 30)) * 1000,
};
const plan = crashPlan(seed, size);
console.log(`Crash test seed ${seed} (replay with --seed ${seed}); sandbox fault seed ${plan.sandboxFaultSeed}`);
console.log(`Plan: ${JSON.stringify({ ...plan, checkouts: plan.checkouts.length })}`);

const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-crash";
const dataDir = path.resolve(".data/crash");
const started = Date.now();
const elapsed = () => Date.now() - started;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[crash ${(elapsed() / 1000).toFixed(1)} s] ${line}`);

const problems: string[] = [];
const answers: Record<string, Record<string, number>> = { checkout: {}, confirm: {}, refund: {} };
function count(kind: string, status: number | string) {
  const bucket = answers[kind] ?? {};
  answers[kind] = bucket;
  bucket[String(status)] = (bucket[String(status)] ?? 0) + 1;
}

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
// Never the app's own ports (a development server may be running): the test's own, or free ones.
const appPort = Number(process.env.CRASH_APP_PORT) || (await pickFreePort());
const postgresPort = Number(process.env.CRASH_POSTGRES_PORT) || (await pickFreePort());
const sandboxPort = Number(process.env.CRASH_SANDBOX_PORT) || (await pickFreePort());
const appUrl = `http://localhost:${appPort}`;

if (!values["skip-build"] || !existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
  log(`building Next.js into ${DIST_DIR}`);
  const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("next build failed");
}

const postgresDir = path.join(dataDir, "postgres");
const startPostgres = () =>
  startEmbeddedPostgres({
    dataDir: postgresDir,
    port: postgresPort,
    settings: { portVariable: "CRASH_POSTGRES_PORT" },
  });
let postgres: EmbeddedServer = await startPostgres();
const databaseUrl = postgres.url("postgres");
const sandbox = await startSandbox({
  port: sandboxPort,
  host: "127.0.0.1",
  allowedOrigins: [appUrl],
  config: {
    timing: { refundSettleDelayMs: 1_500 },
    // Longer than the default schedule, so deliveries outlast a kill, a restart and the outage.
    webhooks: { retryScheduleMs: [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 60_000] },
  },
});
const stripe = createStripeClient({ apiUrl: sandbox.url });
const webhookSecret = await registerSandboxWebhook(stripe, appWebhookUrl(undefined, appPort));
const baseFaults = {
  seed: plan.sandboxFaultSeed,
  webhook: { duplicate: 2, shuffleWindowMs: 300 },
  api: { errorRate: 0.03, timing: "after" as const },
};
async function setFaults(faults: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: controlHeaders(sandbox.controlToken),
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`setting sandbox faults failed: ${response.status}`);
}

const appLog = createWriteStream(path.join(dataDir, "app.log"), { flags: "a" });
const authSecret = randomBytes(32).toString("hex");
let app: ChildProcess | undefined;
function startApp(): ChildProcess {
  const child = spawn(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/run-app.ts", "start"],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(appPort),
        APP_URL: appUrl,
        DATABASE_URL: databaseUrl,
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        PAYOPS_DATA_DIR: path.join(dataDir, "app"),
        STRIPE_API_URL: sandbox.url,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        PAYOPS_ALLOW_SANDBOX_IN_PRODUCTION: "1",
        PAYOPS_SEED_DEVELOPMENT_STAFF: "1",
        AUTH_SECRET: authSecret,
        JOB_EXECUTOR: "local",
        JOB_SWEEP_INTERVAL_MS: "2000",
        SWEEP_STUCK_ORDER_AGE_MS: "8000",
        SWEEP_UNPROCESSED_EVENT_AGE_MS: "5000",
        DEAD_LETTER_AFTER_ATTEMPTS: "50",
        REFUND_APPROVAL_THRESHOLD_MINOR: "100000000",
        RATE_LIMIT_CHECKOUT_PER_IP: "1000000",
        RATE_LIMIT_CHECKOUT_PER_EMAIL: "1000000",
        RATE_LIMIT_STAFF_MUTATIONS_PER_SESSION: "1000000",
        RATE_LIMIT_SIGN_IN_PER_IP: "1000",
        RATE_LIMIT_WEBHOOK_PER_SOURCE: "1000000",
        REDIS_URL: "",
        LOG_LEVEL: "warn",
      },
    },
  );
  child.stdout?.pipe(appLog, { end: false });
  child.stderr?.pipe(appLog, { end: false });
  return child;
}
async function killApp(signal: NodeJS.Signals) {
  const child = app;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
  await Promise.race([exited, sleep(15_000)]);
}

// Stopped from outside (Ctrl-C, a timeout): stop what this run started, say how far it got.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (async () => {
      console.error(`Crash test interrupted by ${signal} (seed ${seed}); problems so far: ${JSON.stringify(problems)}`);
      await killApp("SIGKILL");
      await sandbox.stop().catch(() => undefined);
      await postgres.stop().catch(() => undefined);
      process.exit(1);
    })();
  });
}

const client = new AppClient(appUrl);
const support = new AppClient(appUrl);
const summary: Record<string, unknown> = { seed, sandboxFaultSeed: plan.sandboxFaultSeed, size };
let exitCode = 0;
try {
  app = startApp();
  const firstStartMs = await waitForHealthy(`${appUrl}/api/health`, 240_000);
  log(`app healthy after ${firstStartMs} ms`);
  const member = DEVELOPMENT_STAFF.find((candidate) => candidate.email === "support@payops.test")!;
  await support.signIn(member.email, member.password, member.totpSecret!);
  const prisma = createPrismaClient(databaseUrl);
  // The launcher seeds the catalogue only on its own embedded database; this one is the run's.
  await seedCatalogue(prisma);
  const products = await prisma.product.findMany({
    where: { active: true, prices: { some: { currency: "USD" } } },
    select: { id: true },
    take: 5,
  });
  if (products.length === 0) throw new Error("the catalogue has no USD products");
  await setFaults(baseFaults);

  const loadStarted = Date.now();
  const loadEnds = loadStarted + size.loadMs;
  // Requests still unanswered this long after the load are given up (and counted as problems).
  const workDeadline = loadEnds + (small ? 60_000 : 120_000);
  const progress = setInterval(
    () => log(`progress: ${checkoutsDone} checkouts paid or declined, ${refundsRequested} refunds requested`),
    30_000,
  );
  const refundQueue: { orderId: string; totalMinor: number; shares: number[] }[] = [];
  let refundsRequested = 0;
  let checkoutsDone = 0;

  /** Retries a call that got no answer or a 503 (the app down, its database or Stripe away). */
  async function untilAnswered(kind: string, call: () => Promise<AppAnswer>, giveUpMs: number) {
    const deadline = Math.min(Date.now() + giveUpMs, workDeadline);
    for (;;) {
      const answer = await call();
      count(kind, answer.status);
      if (answer.status >= 500 && answer.status !== 503) {
        problems.push(`${kind} answered ${answer.status}: ${answer.message}`);
      }
      if (answer.status === 503 && !answer.message) problems.push(`${kind} answered 503 without a reason`);
      if ((answer.status !== 0 && answer.status < 500) || Date.now() > deadline) return answer;
      await sleep(500 + Math.random() * 1_000);
    }
  }

  async function checkoutAndPay(index: number, card: CheckoutCard, quantity: number, shares: number[]) {
    const checkoutKey = `crash-${seed}-${index}-${randomBytes(6).toString("hex")}`;
    const product = products[index % products.length]!;
    const answer = await untilAnswered(
      "checkout",
      () =>
        client.call("checkout.start", {
          checkoutKey,
          email: `crash-${index}@example.com`,
          shipping: {
            name: "Grace Hopper",
            line1: "1 Compiler Lane",
            city: "Arlington",
            postalCode: "22201",
            country: "US",
          },
          cart: { currency: "USD", lines: [{ productId: product.id, quantity }] },
        }),
      120_000,
    );
    if (answer.status !== 200) {
      problems.push(`checkout ${index} never started: ${answer.status} ${answer.message}`);
      return;
    }
    const session = answer.data as { paymentIntentId: string; totalMinor: number };
    let intent: Stripe.PaymentIntent | undefined;
    for (let attempt = 0; attempt < 60 && !intent; attempt += 1) {
      try {
        intent = await stripe.paymentIntents.confirm(session.paymentIntentId, {
          payment_method: card,
          return_url: `${appUrl}/orders/return`,
        });
        count("confirm", "ok");
      } catch (error) {
        if (error instanceof Stripe.errors.StripeCardError) {
          count("confirm", "declined");
          return;
        }
        count("confirm", "error");
        // A lost answer may have confirmed it: look before confirming again.
        const seen = await stripe.paymentIntents.retrieve(session.paymentIntentId).catch(() => undefined);
        if (seen && seen.status !== "requires_payment_method" && seen.status !== "requires_confirmation") intent = seen;
        else if (seen?.last_payment_error) return;
        else await sleep(500);
      }
    }
    if (!intent) {
      problems.push(`checkout ${index}: could not confirm ${session.paymentIntentId}`);
      return;
    }
    checkoutsDone += 1;
    if (shares.length > 0 && intent.status === "succeeded") {
      refundQueue.push({ orderId: intent.metadata.order_id!, totalMinor: session.totalMinor, shares });
    }
  }

  async function refundOrder(job: { orderId: string; totalMinor: number; shares: number[] }) {
    let remaining = job.totalMinor;
    for (const [index, share] of job.shares.entries()) {
      const amountMinor = share >= 100 ? remaining : Math.max(1, Math.floor((remaining * share) / 100));
      if (amountMinor <= 0) return;
      const idempotencyKey = `crash-refund-${job.orderId}-${index}`;
      const request = () =>
        support.call("refunds.request", {
          orderId: job.orderId,
          amountMinor,
          reasonCode: "requested_by_customer",
          idempotencyKey,
        });
      // The order must be paid in PayOps first (its webhook may still be on the way).
      let answer = await untilAnswered("refund", request, 120_000);
      for (let wait = 0; wait < 60 && answer.status === 422 && Date.now() < workDeadline; wait += 1) {
        await sleep(1_000);
        answer = await untilAnswered("refund", request, 120_000);
      }
      if (answer.status !== 200) {
        problems.push(`refund ${idempotencyKey} of ${amountMinor}: ${answer.status} ${answer.message}`);
        return;
      }
      refundsRequested += 1;
      remaining -= amountMinor;
    }
  }

  // Checkouts at a steady pace over the load time; refunds follow as payments succeed.
  const checkoutWorkers = (async () => {
    const gap = size.loadMs / Math.max(1, plan.checkouts.length);
    const running: Promise<void>[] = [];
    for (const [index, checkout] of plan.checkouts.entries()) {
      running.push(checkoutAndPay(index, checkout.card, checkout.quantity, checkout.refunds));
      await sleep(gap);
    }
    await Promise.all(running);
  })();
  const refundWorkers = Promise.all(
    Array.from({ length: 3 }, async () => {
      while (Date.now() < workDeadline) {
        const job = refundQueue.shift();
        if (job) await refundOrder(job);
        else if (Date.now() > loadEnds && (await isSettled(checkoutWorkers))) break;
        else await sleep(300);
      }
    }),
  );

  const kills: { atMs: number; recoveryMs: number }[] = [];
  const killer = (async () => {
    for (const at of plan.killsAtMs) {
      await sleep(Math.max(0, loadStarted + at - Date.now()));
      const atMs = elapsed();
      log(`SIGKILL the app (${kills.length + 1}/${plan.killsAtMs.length})`);
      await killApp("SIGKILL");
      const restartedAt = Date.now();
      app = startApp();
      const recoveryMs = await waitForHealthy(`${appUrl}/api/health`, 240_000).then(() => Date.now() - restartedAt);
      log(`restarted; healthy after ${recoveryMs} ms`);
      kills.push({ atMs, recoveryMs });
    }
  })();

  const postgresRestart = (async () => {
    if (plan.postgresRestartAtMs === null) return null;
    await sleep(plan.postgresRestartAtMs);
    log("stopping PostgreSQL");
    await postgres.stop();
    const stoppedAt = Date.now();
    await sleep(500);
    // While it is away: the API answers 503 with a reason, a webhook delivery is refused (non-2xx).
    const probeCheckout = await client.call("checkout.start", {
      checkoutKey: `crash-probe-${randomBytes(8).toString("hex")}`,
      email: "probe@example.com",
      shipping: { name: "Probe", line1: "1 Probe Lane", city: "Arlington", postalCode: "22201", country: "US" },
      cart: { currency: "USD", lines: [{ productId: products[0]!.id, quantity: 1 }] },
    });
    const probeRefund = await support.query("refunds.forOrder", { orderId: "00000000-0000-4000-8000-000000000000" });
    const body = JSON.stringify({
      id: `evt_crash_probe_${randomBytes(6).toString("hex")}`,
      object: "event",
      type: "customer.created",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "cus_probe", object: "customer" } },
    });
    const probeWebhook = await fetch(`${appUrl}/api/stripe/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload: body, secret: webhookSecret }),
      },
      body,
    })
      .then(async (response) => ({ status: response.status, message: await response.text() }))
      .catch((error: unknown) => ({ status: 0, message: String(error) }));
    const probes = {
      checkout: { status: probeCheckout.status, message: probeCheckout.message, retryAfter: probeCheckout.retryAfter },
      staffRead: { status: probeRefund.status, message: probeRefund.message, retryAfter: probeRefund.retryAfter },
      webhook: probeWebhook,
    };
    for (const [name, probe] of Object.entries({ checkout: probes.checkout, staffRead: probes.staffRead })) {
      if (probe.status !== 503 || !probe.message || !probe.retryAfter) {
        problems.push(
          `with PostgreSQL down, ${name} answered ${probe.status} (${probe.message}), not 503 with a reason and Retry-After`,
        );
      }
    }
    if (probeWebhook.status >= 200 && probeWebhook.status < 300) {
      problems.push(`with PostgreSQL down, a webhook delivery was acknowledged (${probeWebhook.status})`);
    }
    await sleep(Math.max(0, plan.postgresDownMs - (Date.now() - stoppedAt)));
    log("starting PostgreSQL again");
    postgres = await startPostgres();
    const restartedAt = Date.now();
    const downMs = restartedAt - stoppedAt;
    // Recovered when a request that needs the database is answered again.
    let recoveryMs = -1;
    while (Date.now() - restartedAt < 120_000) {
      const answer = await support.query("orders.overview");
      if (answer.status !== 0 && answer.status !== 503 && answer.status < 500) {
        recoveryMs = Date.now() - restartedAt;
        break;
      }
      await sleep(250);
    }
    log(`PostgreSQL back after ${downMs} ms down; the app answered again ${recoveryMs} ms later`);
    return { downMs, recoveryMs, probes };
  })();

  const outage = (async () => {
    if (plan.sandboxOutageAtMs === null) return null;
    await sleep(plan.sandboxOutageAtMs);
    log(`sandbox outage for ${size.sandboxOutageMs} ms: every API call fails or hangs`);
    const phases = [
      { errorRate: 1, timing: "after" },
      { errorRate: 1, timing: "before" },
      { hangRate: 1, hangMs: 12_000 },
    ];
    const before = { ...answers.refund };
    const outageEnds = Date.now() + size.sandboxOutageMs;
    for (let phase = 0; Date.now() < outageEnds; phase += 1) {
      await setFaults({
        seed: plan.sandboxFaultSeed + phase,
        webhook: baseFaults.webhook,
        api: phases[phase % phases.length],
      });
      await sleep(Math.min(5_000, Math.max(0, outageEnds - Date.now())));
    }
    await setFaults(baseFaults);
    log("sandbox back");
    const during: Record<string, number> = {};
    for (const [status, n] of Object.entries(answers.refund ?? {})) during[status] = n - (before[status] ?? 0);
    return { ms: size.sandboxOutageMs, refundAnswersDuring: during };
  })();

  await killer;
  const postgresFigures = await postgresRestart;
  const outageFigures = await outage;
  await checkoutWorkers;
  await refundWorkers;
  clearInterval(progress);
  log(`load done: ${checkoutsDone} checkouts paid or declined, ${refundsRequested} refunds requested`);

  // Quiet: no more faults; everything owed must now converge.
  await setFaults({});
  const convergeStarted = Date.now();
  let agreement: Agreement = await checkAgreement(prisma, stripe);
  const atLoadEnd = agreement.problems;
  log(
    `at the end of the load ${atLoadEnd.length} disagreement(s)${atLoadEnd.length ? `, e.g. ${atLoadEnd.slice(0, 3).join("; ")}` : ""}`,
  );
  while (agreement.problems.length > 0 && Date.now() - convergeStarted < (small ? 90_000 : 180_000)) {
    await sleep(3_000);
    agreement = await checkAgreement(prisma, stripe);
  }
  const convergeMs = Date.now() - convergeStarted;
  problems.push(...agreement.problems);
  await prisma.$disconnect();
  Object.assign(summary, {
    ...agreement.figures,
    checkoutsPlanned: plan.checkouts.length,
    refundsRequested,
    kills,
    firstStartMs,
    postgresRestart: postgresFigures,
    sandboxOutage: outageFigures,
    answers,
    disagreementsAtLoadEnd: atLoadEnd.length,
    convergedAfterMs: agreement.problems.length === 0 ? convergeMs : null,
    problems,
    durationMs: elapsed(),
  });
  exitCode = problems.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error);
  summary.error = error instanceof Error ? error.message : String(error);
  summary.problems = problems;
  exitCode = 1;
} finally {
  await killApp("SIGTERM");
  await sandbox.stop().catch(() => undefined);
  await postgres.stop().catch(() => undefined);
}
console.log(JSON.stringify(summary, null, 2));
if (exitCode !== 0) console.error(`Crash test FAILED (seed ${seed}; replay with --seed ${seed})`);
else console.log(`Crash test passed (seed ${seed})`);
process.exit(exitCode);

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([promise.then(() => true), sleep(0).then(() => false)]);
}
