import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPrismaClient, type PrismaClient } from "../db/client";
import { claimInboxEvents, releaseAfterFailure, renewClaims } from "./claim-inbox-events";
import { InboxWorker } from "./inbox-worker";

let database: TestDatabase;
let second: PrismaClient;
// Never called: the events below are of a type PayOps records without asking Stripe.
const stripe = new Stripe("sk_test_unused", { host: "127.0.0.1", port: 9, protocol: "http" });

beforeAll(async () => {
  database = await createTestDatabase();
  second = createPrismaClient(database.url);
});
afterAll(async () => {
  await second?.$disconnect();
  await database?.drop();
});
beforeEach(async () => {
  await database.prisma.$executeRaw`DELETE FROM stripe_events`;
});

/** `perOrder` waiting events for each of `orders` orders, arriving interleaved, 1 ms apart. */
async function storeWaitingEvents(orders: number, perOrder: number): Promise<void> {
  await database.prisma.$executeRaw`
    INSERT INTO stripe_events (id, stripe_event_id, type, payload, order_key, stripe_created_at, received_at)
    SELECT gen_random_uuid(), 'evt_claim_' || n, 'payout.reconciliation_completed', '{}'::jsonb,
           'order-' || (n % ${orders}), now(), now() - interval '1 hour' + n * interval '1 millisecond'
      FROM generate_series(0, ${orders * perOrder - 1}) AS n`;
}

const waiting = (prisma: PrismaClient) => prisma.stripeEvent.count({ where: { processedAt: null } });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("two workers claiming side by side never take the same event, and every event is taken", async () => {
  await storeWaitingEvents(10, 30);
  const takenBy = new Map<string, string[]>();
  // Per order, the worker holding some of its events and how many: another worker's claim of the
  // same order while any is held (claimed and not yet processed) is an overlap.
  const held = new Map<string, { name: string; count: number }>();
  const overlaps: string[] = [];
  const claimer = async (name: string, prisma: PrismaClient) => {
    for (;;) {
      const claimed = await claimInboxEvents(prisma, { workerId: name, limit: 16, leaseMs: 60_000 });
      if (claimed.length === 0) {
        // Nothing claimable: all done, or the rest is held back behind another worker's claims.
        if ((await waiting(prisma)) === 0) return;
        await pause(5);
        continue;
      }
      for (const event of claimed) {
        takenBy.set(event.stripeEventId, [...(takenBy.get(event.stripeEventId) ?? []), name]);
        const holder = held.get(event.orderKey);
        if (holder && holder.name !== name) overlaps.push(`${event.orderKey} held by ${holder.name} and ${name}`);
        held.set(event.orderKey, { name, count: (holder?.name === name ? holder.count : 0) + 1 });
      }
      await pause(Math.random() * 10);
      for (const event of claimed) {
        // Let go here first: once the row says processed, another worker may rightly take the next one.
        const holder = held.get(event.orderKey);
        if (!holder || holder.name !== name) continue;
        if (holder.count === 1) held.delete(event.orderKey);
        else holder.count -= 1;
        await prisma.$executeRaw`UPDATE stripe_events SET processed_at = clock_timestamp(), claimed_by = NULL
                                  WHERE stripe_event_id = ${event.stripeEventId}`;
      }
    }
  };
  await Promise.all([claimer("a", database.prisma), claimer("b", second), claimer("c", database.prisma)]);

  expect(takenBy.size).toBe(300);
  expect([...takenBy.entries()].filter(([, names]) => names.length > 1)).toEqual([]);
  expect(overlaps).toEqual([]);
  expect(new Set([...takenBy.values()].flat()).size).toBeGreaterThan(1);
});

it("processes each order's events in the order they arrived, with two workers in two connections", async () => {
  await storeWaitingEvents(25, 8);
  const workers = [database.prisma, second].map(
    (prisma) => new InboxWorker({ prisma, stripe, batchSize: 16, ordersAtOnce: 4 }),
  );
  // A drain ends when its claim comes back empty, which another worker's claims can cause for a moment.
  while ((await waiting(database.prisma)) > 0) await Promise.all(workers.map((worker) => worker.drain()));

  const rows = await database.prisma.stripeEvent.findMany({
    select: { orderKey: true, receivedAt: true, processedAt: true, attempts: true, outcome: true },
    orderBy: { receivedAt: "asc" },
  });
  expect(rows).toHaveLength(200);
  expect(rows.filter((row) => row.processedAt === null || row.attempts !== 1 || row.outcome !== "ignored")).toEqual([]);
  const outOfOrder: string[] = [];
  const lastProcessed = new Map<string, number>();
  for (const row of rows) {
    const previous = lastProcessed.get(row.orderKey) ?? 0;
    if (row.processedAt!.getTime() < previous) outOfOrder.push(row.orderKey);
    lastProcessed.set(row.orderKey, row.processedAt!.getTime());
  }
  expect(outOfOrder).toEqual([]);
});

it("holds an order's later event while an earlier one is claimed elsewhere, and frees it after", async () => {
  await storeWaitingEvents(1, 2);
  const [first] = await claimInboxEvents(database.prisma, { workerId: "a", limit: 1, leaseMs: 60_000 });
  expect(first?.stripeEventId).toBe("evt_claim_0");
  expect(await claimInboxEvents(second, { workerId: "b", limit: 10, leaseMs: 60_000 })).toEqual([]);

  await database.prisma
    .$executeRaw`UPDATE stripe_events SET processed_at = now() WHERE stripe_event_id = 'evt_claim_0'`;
  const after = await claimInboxEvents(second, { workerId: "b", limit: 10, leaseMs: 60_000 });
  expect(after.map((event) => event.stripeEventId)).toEqual(["evt_claim_1"]);
});

it("gives a dead worker's claims to another once the lease ends, and a failed event back after its backoff", async () => {
  await storeWaitingEvents(2, 1);
  const dead = await claimInboxEvents(database.prisma, { workerId: "dead", limit: 10, leaseMs: 1_000 });
  expect(dead).toHaveLength(2);
  expect(await claimInboxEvents(second, { workerId: "b", limit: 10, leaseMs: 60_000 })).toEqual([]);
  // Renewed while alive: the claims outlast their first lease.
  await pause(600);
  expect(await renewClaims(database.prisma, "dead", 1_000)).toBe(2);
  await pause(600);
  expect(await claimInboxEvents(second, { workerId: "b", limit: 10, leaseMs: 60_000 })).toEqual([]);
  await pause(1_100);
  const taken = await claimInboxEvents(second, { workerId: "b", limit: 10, leaseMs: 60_000 });
  expect(taken).toHaveLength(2);

  // A release names its worker: the dead worker waking up cannot release what "b" now holds.
  await releaseAfterFailure(database.prisma, "evt_claim_0", "dead");
  expect(await claimInboxEvents(database.prisma, { workerId: "c", limit: 10, leaseMs: 60_000 })).toEqual([]);
  // The third failure waits 0.5 to 1 s (1 s halved by jitter at most).
  await database.prisma.$executeRaw`UPDATE stripe_events SET attempts = 3 WHERE stripe_event_id = 'evt_claim_0'`;
  await releaseAfterFailure(second, "evt_claim_0", "b");
  expect(await claimInboxEvents(database.prisma, { workerId: "c", limit: 10, leaseMs: 60_000 })).toEqual([]);
  await pause(1_100);
  const retried = await claimInboxEvents(database.prisma, { workerId: "c", limit: 10, leaseMs: 60_000 });
  expect(retried.map((event) => event.stripeEventId)).toEqual(["evt_claim_0"]);
});
