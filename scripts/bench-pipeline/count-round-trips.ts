// What processing one event costs: database round trips, Stripe reads and CPU per event, per
// event type and outcome, and the same for the inbox worker draining them in batches. Real
// orders paid through an in-memory sandbox, their events stored as the webhook route stores them.
//
//   npx tsx --conditions=react-server scripts/bench-pipeline/count-round-trips.ts [-- --orders 300]
//
// Uses PostgreSQL at BENCH_ADMIN_URL (default the local server on 5432) for a database of its own.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import Stripe from "stripe";
import { seedCatalogue } from "../../server/catalogue/seed-catalogue";
import { createPrismaClient } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { withDatabase } from "../../server/db/postgres-server";
import { createStripeClient } from "../../server/stripe/client";
import { startSandbox } from "../../server/stripe-sandbox";
import { InboxWorker } from "../../server/webhooks/inbox-worker";
import { insertInboxEvent } from "../../server/webhooks/insert-inbox-event";
import { parseStripeWebhook } from "../../server/webhooks/parse-stripe-webhook";
import { processStripeEvent } from "../../server/webhooks/process-stripe-event";
import { payOrders, type RecordedEvent, recordedEvents, waitForSandboxQuiet } from "./pay-orders";

const { values } = parseArgs({ options: { orders: { type: "string", default: "300" } } });
const ORDERS = Number(values.orders);
const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECRET = "whsec_round_trips";
const signer = new Stripe("sk_test_round_trips");

let queries = 0;
const query = pg.Client.prototype.query;
// Every statement any pg client sends (the ORM's adapter and the inbox pool alike) is one round trip.
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function withScratchDatabase(run: (url: string) => Promise<void>) {
  const name = `pipeline_round_trips_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    await run(withDatabase(adminUrl, name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function store(pool: pg.Pool, events: RecordedEvent[]) {
  for (const event of events) {
    const signature = signer.webhooks.generateTestHeaderString({ payload: event.body, secret: SECRET });
    const parsed = parseStripeWebhook(Buffer.from(event.body), signature, [SECRET]);
    if (!parsed.ok) throw new Error(parsed.reason);
    await insertInboxEvent(pool, parsed.event);
  }
}

const sandbox = await startSandbox({ port: 0, config: { timing: { chargeBalanceTransactionDelayMs: 100 } } });
await withScratchDatabase(async (url) => {
  const prisma = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await applyMigrations(url);
  await seedCatalogue(prisma);
  const stripe = createStripeClient({ apiUrl: sandbox.url });
  let reads = 0;
  const retrieve = stripe.paymentIntents.retrieve.bind(stripe.paymentIntents);
  stripe.paymentIntents.retrieve = ((...args: Parameters<typeof retrieve>) => {
    reads += 1;
    return retrieve(...args);
  }) as typeof retrieve;

  // One event at a time, as a per-event job runs it.
  const single = recordedEvents(sandbox, await payOrders({ prisma, stripe }, { count: 20, label: "single" }));
  await waitForSandboxQuiet(sandbox);
  const one = recordedEvents(
    sandbox,
    single.map((event) => event.paymentIntentId),
  );
  await store(pool, one);
  const perType: Record<string, { events: number; roundTrips: number }> = {};
  reads = 0;
  for (const event of one) {
    const before = queries;
    const { outcome } = await processStripeEvent(event.id, { prisma, stripe });
    const kind = `${event.type} (${outcome})`;
    const tally = perType[kind] ?? { events: 0, roundTrips: 0 };
    perType[kind] = tally;
    tally.events += 1;
    tally.roundTrips += queries - before;
  }
  console.log(`One event at a time, ${one.length} events of 20 orders, ${reads} Stripe reads:`);
  for (const [kind, tally] of Object.entries(perType)) {
    console.log(`  ${kind.padEnd(40)} ${(tally.roundTrips / tally.events).toFixed(1)} round trips`);
  }

  // The inbox worker draining a batch of orders.
  const paymentIntents = await payOrders({ prisma, stripe }, { count: ORDERS, label: "batch" });
  await waitForSandboxQuiet(sandbox);
  const batch = recordedEvents(sandbox, paymentIntents);
  await store(pool, batch);
  reads = 0;
  const before = queries;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await new InboxWorker({ prisma, stripe }).drain();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(
    `Inbox worker, ${batch.length} events of ${ORDERS} orders: ${((queries - before) / batch.length).toFixed(2)} round trips ` +
      `and ${(reads / ORDERS).toFixed(2)} Stripe reads per order, ${((used.user + used.system) / 1000 / batch.length).toFixed(2)} ms CPU ` +
      `per event in this process (the sandbox included), ${Math.round(batch.length / seconds)} events/s`,
  );
  await prisma.$disconnect();
  await pool.end();
});
await sandbox.stop();
