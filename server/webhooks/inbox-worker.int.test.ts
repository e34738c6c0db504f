import pg from "pg";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { SANDBOX_SECRET_KEY } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { InboxWorker } from "./inbox-worker";
import { insertInboxEvent } from "./insert-inbox-event";
import { parseStripeWebhook } from "./parse-stripe-webhook";

let database: TestDatabase;
let second: PrismaClient;
let sandbox: RunningSandbox;
let stripe: Stripe;
let inbox: pg.Pool;
const SECRET = "whsec_inbox_worker_test";

beforeAll(async () => {
  database = await createTestDatabase();
  second = createPrismaClient(database.url);
  inbox = new pg.Pool({ connectionString: database.url, max: 4 });
  // No webhook endpoint: the test stores the sandbox's events itself, in the order Stripe made them.
  sandbox = await startSandbox({ port: 0, config: { timing: { chargeBalanceTransactionDelayMs: 0 } } });
  stripe = new Stripe(SANDBOX_SECRET_KEY, {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
});
afterAll(async () => {
  await sandbox?.stop();
  await inbox?.end();
  await second?.$disconnect();
  await database?.drop();
});

/** Stores every event the sandbox made so far, as the webhook route would (signature, shape, insert). */
async function storeSandboxEvents(): Promise<number> {
  const events = Object.values(sandbox.runtime.sb.state.events);
  for (const event of events) {
    const body = JSON.stringify(event);
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    const parsed = parseStripeWebhook(Buffer.from(body), signature, [SECRET]);
    if (!parsed.ok) throw new Error(parsed.reason);
    await insertInboxEvent(inbox, parsed.event);
  }
  return events.length;
}

it("applies paid orders once with two workers sharing the inbox: paid, captured once, every event processed once", async () => {
  const orders = await Promise.all(
    Array.from({ length: 12 }, (_, index) => createPendingOrder(database.prisma, 1_000 + index)),
  );
  for (const [index, order] of orders.entries()) {
    const created = await stripe.paymentIntents.create({
      amount: 1_000 + index,
      currency: "usd",
      metadata: { order_id: order.id },
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  const stored = await storeSandboxEvents();
  expect(stored).toBeGreaterThanOrEqual(36);

  // Counts what processing asks Stripe (the real client, passed through).
  let retrieved = 0;
  const retrieve = stripe.paymentIntents.retrieve.bind(stripe.paymentIntents);
  stripe.paymentIntents.retrieve = ((...args: Parameters<typeof retrieve>) => {
    retrieved += 1;
    return retrieve(...args);
  }) as typeof retrieve;
  const workers = [database.prisma, second].map(
    (prisma) => new InboxWorker({ prisma, stripe, batchSize: 8, ordersAtOnce: 3 }),
  );
  for (const worker of workers) worker.start();
  const deadline = Date.now() + 30_000;
  while ((await database.prisma.stripeEvent.count({ where: { processedAt: null } })) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(workers.map((worker) => worker.stop()));

  const events = await database.prisma.stripeEvent.findMany({
    select: { attempts: true, outcome: true, processedAt: true },
  });
  expect(events.filter((event) => event.processedAt === null || event.attempts !== 1)).toEqual([]);
  const paid = await database.prisma.order.findMany({ where: { id: { in: orders.map((order) => order.id) } } });
  expect(paid.map((order) => order.status)).toEqual(orders.map(() => "paid"));
  const captures = await database.prisma.ledgerTransaction.groupBy({
    by: ["orderId"],
    where: { kind: "payment_captured" },
    _count: true,
  });
  expect(captures).toHaveLength(12);
  expect(captures.every((capture) => capture._count === 1)).toBe(true);
  const history = await database.prisma.orderStatusHistory.count({ where: { toStatus: "paid" } });
  expect(history).toBe(12);
  // Each order moved once; its other events found the PaymentIntent settled.
  expect(events.filter((event) => event.outcome === "applied")).toHaveLength(12);
  // Stripe is asked once per order: once the PaymentIntent is settled, its later events are not re-read.
  expect(retrieved).toBe(12);
});
