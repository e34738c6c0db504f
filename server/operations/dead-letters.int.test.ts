import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { Prisma } from "../db/client";
import { emit } from "../jobs/emit";
import { type JobContext, JobPayloadError } from "../jobs/job-definition";
import { LocalExecutor } from "../jobs/local-executor";
import { countOutbox, type DeliveryCounts } from "../jobs/outbox/count-outbox";
import { dispatchDueEffects } from "../jobs/outbox/dispatch-due-effects";
import { metrics } from "../observability/metrics";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { REFUND_EFFECTS } from "../refunds/refund-effects";
import { requestRefund } from "../refunds/request-refund";
import { createTestStaff, seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { unreachableStripe } from "../stripe-sandbox/testing/unreachable-stripe";
import { countInbox } from "../webhooks/count-inbox";
import { WEBHOOK_JOBS } from "../webhooks/webhook-jobs";
import { listDeadLetters } from "./list-dead-letters";
import { discardDeadLetter, replayDeadLetter } from "./resolve-dead-letter";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let unreachable: Stripe;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
  unreachable = await unreachableStripe();
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

function expectIdentity(counts: DeliveryCounts) {
  expect(counts.received).toBe(counts.processed + counts.pending + counts.dead);
}

async function expectBalanced(scope: { stripeEventIds?: string[]; subjectIds?: string[] } = {}) {
  const [inbox, outbox, allInbox, allOutbox] = await Promise.all([
    countInbox(database.prisma, { stripeEventIds: scope.stripeEventIds }),
    countOutbox(database.prisma, { subjectIds: scope.subjectIds }),
    countInbox(database.prisma),
    countOutbox(database.prisma),
  ]);
  for (const counts of [inbox, outbox, allInbox, allOutbox]) expectIdentity(counts);
  return { inbox, outbox };
}

/**
 * Samples the accounting every few milliseconds while work runs, so the identity is seen to hold
 * between the steps of processing too, not only when everything is idle.
 */
function sampleAccounting() {
  let running = true;
  let samples = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const [inbox, outbox] = await Promise.all([countInbox(database.prisma), countOutbox(database.prisma)]);
      for (const counts of [inbox, outbox]) {
        if (counts.received !== counts.processed + counts.pending + counts.dead) failures.push(JSON.stringify(counts));
      }
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return async () => {
    running = false;
    await loop;
    expect(failures).toEqual([]);
    expect(samples).toBeGreaterThan(0);
    return samples;
  };
}

async function storeEvent(type: string, object: Prisma.InputJsonObject, stripeEventId = randomEventId()) {
  return storeRawEvent(
    stripeEventId,
    type,
    { object },
    String((object.metadata as { order_id?: string } | undefined)?.order_id ?? object.id),
  );
}

function randomEventId() {
  return `evt_${Math.random().toString(36).slice(2, 14)}`;
}

async function storeRawEvent(stripeEventId: string, type: string, data: Prisma.InputJsonValue, orderKey: string) {
  await database.prisma.stripeEvent.create({
    data: {
      stripeEventId,
      type,
      payload: { id: stripeEventId, object: "event", type, created: 1_764_000_000, data },
      stripeCreatedAt: new Date(1_764_000_000_000),
      orderKey,
      receivedAt: new Date(Date.now() - 60_000),
    },
  });
  return stripeEventId;
}

describe("dead letters", () => {
  it("parks events that keep failing after N attempts, replays one once its cause is fixed, discards the rest; the inbox always balances", async () => {
    const deadLetterAfterAttempts = 3;
    // A real payment whose processing fails while Stripe cannot be reached: the cause gets fixed.
    const order = await createPendingOrder(database.prisma, 2_000);
    const created = await stripe.paymentIntents.create({
      amount: 2_000,
      currency: "usd",
      metadata: { order_id: order.id },
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    const paid = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    const fixable = await storeEvent("payment_intent.succeeded", JSON.parse(JSON.stringify(paid)));
    // Poison: events pointing at objects Stripe does not know; no retry will ever help.
    const unknownIntent = await storeEvent("payment_intent.succeeded", {
      id: "pi_doesnotexist000000000",
      object: "payment_intent",
      metadata: {},
    });
    const unknownCharge = await storeEvent("charge.refunded", { id: "ch_doesnotexist000000000", object: "charge" });
    // Poison of another kind: a shape no handler knows (data is not an object), and the escaped NUL
    // the receiver stores for a signed body that carried one, in the event id and the object.
    const unknownShape = randomEventId();
    await storeRawEvent(unknownShape, "payment_intent.succeeded", "not an object", unknownShape);
    const nulId = `evt_nul\\u0000${Math.random().toString(36).slice(2, 10)}`;
    await storeEvent(
      "payment_intent.succeeded",
      { id: "pi_\\u0000nul", object: "payment_intent", metadata: { order_id: "\\u0000" } },
      nulId,
    );
    const poison = [unknownIntent, unknownCharge, unknownShape, nulId];
    const all = [fixable, ...poison];

    const failedBefore = await countByType("eventsFailed");
    const deadBefore = await countByType("eventsDead");
    const context: JobContext = {
      prisma: database.prisma,
      stripe: unreachable,
      deadLetterAfterAttempts,
      sweep: { eventMinAgeMs: 0, orderMinAgeMs: 60 * 60_000 },
    };
    const executor = new LocalExecutor({
      jobs: WEBHOOK_JOBS,
      context,
      backoffMs: 5,
      maxBackoffMs: 20,
      scheduleIntervalMs: 0,
    }).start();
    const stopSampling = sampleAccounting();
    try {
      for (const stripeEventId of all) {
        await emit("stripe/event.received", { stripeEventId, orderKey: stripeEventId });
      }
      // A job whose data PostgreSQL could not even look up (a raw NUL) is refused when emitted.
      await expect(
        emit("stripe/event.received", { stripeEventId: "evt_\u0000raw", orderKey: "evt_\u0000raw" }),
      ).rejects.toBeInstanceOf(JobPayloadError);
      await executor.idle();
      await expectBalanced({ stripeEventIds: all });
      // The sweeper keeps re-dispatching nothing once they are parked: attempts stay at the cap.
      for (let sweep = 0; sweep < 3; sweep += 1) {
        executor.runScheduled();
        await executor.idle();
        await expectBalanced({ stripeEventIds: all });
      }
    } finally {
      await executor.stop();
      await stopSampling();
    }

    const parked = await database.prisma.stripeEvent.findMany({
      where: { stripeEventId: { in: all } },
      select: { stripeEventId: true, attempts: true, deadAt: true, processedAt: true, lastError: true },
    });
    for (const event of parked) {
      expect(event.attempts).toBe(deadLetterAfterAttempts);
      expect(event.deadAt).not.toBeNull();
      expect(event.processedAt).toBeNull();
      expect(event.lastError).toBeTruthy();
    }
    expect(parked).toHaveLength(all.length);
    expect((await expectBalanced({ stripeEventIds: all })).inbox).toMatchObject({
      received: all.length,
      dead: all.length,
      pending: 0,
    });
    // Every failed attempt and every parking is counted by event type for Prometheus.
    const failedAfter = await countByType("eventsFailed");
    const deadAfter = await countByType("eventsDead");
    const grew = (after: Record<string, number>, before: Record<string, number>, type: string) =>
      (after[type] ?? 0) - (before[type] ?? 0);
    const intents = all.length - 1;
    expect(grew(failedAfter, failedBefore, "payment_intent.succeeded")).toBe(intents * deadLetterAfterAttempts);
    expect(grew(failedAfter, failedBefore, "charge.refunded")).toBe(deadLetterAfterAttempts);
    expect(grew(deadAfter, deadBefore, "payment_intent.succeeded")).toBe(intents);
    expect(grew(deadAfter, deadBefore, "charge.refunded")).toBe(1);

    const page = await listDeadLetters(database.prisma);
    expect(page.deadLetters.map((letter) => letter.id).sort()).toEqual([...all].sort());
    expect(page.deadLetters.find((letter) => letter.id === fixable)).toMatchObject({
      source: "inbox",
      what: "Stripe event: payment intent succeeded",
      attempts: 3,
    });

    // Stripe is reachable again: the admin replays the real payment; it applies.
    const admin = await createTestStaff(database.prisma, "admin");
    const replayed = await replayDeadLetter(
      { source: "inbox", id: fixable },
      { reason: "Stripe was down during the incident", actor: admin },
      { prisma: database.prisma, stripe },
    );
    expect(replayed.outcome).toBe("processed and applied");
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    expect((await expectBalanced({ stripeEventIds: all })).inbox).toMatchObject({ dead: poison.length, processed: 1 });

    for (const id of poison) {
      await discardDeadLetter(
        { source: "inbox", id },
        { reason: "Points at nothing Stripe knows", actor: admin },
        database,
      );
    }
    expect((await expectBalanced({ stripeEventIds: all })).inbox).toMatchObject({
      received: all.length,
      processed: all.length,
      dead: 0,
      pending: 0,
    });
    const audits = await database.prisma.auditLog.findMany({
      where: { actorId: admin.id },
      select: { action: true, subjectId: true, reason: true },
    });
    expect(audits.map((row) => row.action).sort()).toEqual([
      ...poison.map(() => "dead_letter.discarded"),
      "dead_letter.replayed",
    ]);
    await expect(
      discardDeadLetter({ source: "inbox", id: fixable }, { reason: "twice", actor: admin }, database),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("replays a dead outbox effect: the refund reaches Stripe once, the outbox balances throughout", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const admin = await createTestStaff(database.prisma, "admin");
    const paid = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Oak side table", quantity: 1, lineTotalMinor: 12_000 }],
    });
    await requestRefund(
      {
        orderId: paid.orderId,
        amountMinor: 2_500,
        reasonCode: "damaged",
        idempotencyKey: "dead-letter-refund",
        requestedBy: support,
      },
      { prisma: database.prisma, stripe: unreachable, approvalThresholdMinor: 1_000_000, deadLetterAfterAttempts: 1 },
    ).catch(() => undefined);
    const refund = await database.prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: "dead-letter-refund" } });
    const effect = await database.prisma.outboxEffect.findUniqueOrThrow({
      where: { idempotencyKey: `refund:${refund.id}` },
    });
    expect(effect.status).toBe("dead");
    // Someone else's effect, still owed: counted in the whole outbox, not in this refund's scope.
    const pendingBefore = (await countOutbox(database.prisma)).pending;
    await database.prisma.outboxEffect.create({
      data: {
        kind: "stripe.payment_intent.capture",
        subjectId: "pi_elsewhere",
        idempotencyKey: `payment_intent.capture:pi_elsewhere:${refund.id}`,
        nextAttemptAt: new Date(Date.now() + 3_600_000),
      },
    });
    expect((await countOutbox(database.prisma)).pending).toBe(pendingBefore + 1);
    const scope = { subjectIds: [refund.id] };
    expect((await expectBalanced(scope)).outbox).toMatchObject({ received: 1, dead: 1, pending: 0, processed: 0 });
    const page = await listDeadLetters(database.prisma);
    expect(page.deadLetters.find((letter) => letter.id === effect.id)).toMatchObject({
      what: "Send a refund to Stripe",
      reference: refund.id,
      history: [expect.objectContaining({ attempt: 1, outcome: "dead" })],
    });

    await replayDeadLetter(
      { source: "outbox", id: effect.id },
      { reason: "Stripe is back", actor: admin },
      { prisma: database.prisma, stripe },
    );
    expect((await expectBalanced(scope)).outbox).toMatchObject({ received: 1, pending: 1, dead: 0 });
    const stopSampling = sampleAccounting();
    await dispatchDueEffects(REFUND_EFFECTS, { prisma: database.prisma, stripe });
    await stopSampling();
    expect((await database.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effect.id } })).status).toBe("done");
    const atStripe = await stripe.refunds.list({ payment_intent: paid.paymentIntentId });
    expect(atStripe.data.map((row) => row.metadata?.refund_id)).toEqual([refund.id]);
    expect((await expectBalanced(scope)).outbox).toMatchObject({ received: 1, processed: 1, pending: 0, dead: 0 });
  });
});

async function countByType(counter: "eventsFailed" | "eventsDead"): Promise<Record<string, number>> {
  const { values } = await metrics()[counter].get();
  return Object.fromEntries(values.map((sample) => [String(sample.labels.type), sample.value]));
}
