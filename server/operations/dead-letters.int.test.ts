import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { Prisma } from "../db/client";
import { emit } from "../jobs/emit";
import type { JobContext } from "../jobs/job-definition";
import { LocalExecutor } from "../jobs/local-executor";
import { countOutbox } from "../jobs/outbox/count-outbox";
import { dispatchDueEffects } from "../jobs/outbox/dispatch-due-effects";
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

async function expectBalanced() {
  const [inbox, outbox] = await Promise.all([countInbox(database.prisma), countOutbox(database.prisma)]);
  expect(inbox.received).toBe(inbox.processed + inbox.pending + inbox.dead);
  expect(outbox.received).toBe(outbox.processed + outbox.pending + outbox.dead);
  return { inbox, outbox };
}

async function storeEvent(type: string, object: Prisma.InputJsonObject) {
  const stripeEventId = `evt_${Math.random().toString(36).slice(2, 14)}`;
  await database.prisma.stripeEvent.create({
    data: {
      stripeEventId,
      type,
      payload: { id: stripeEventId, object: "event", type, created: 1_764_000_000, data: { object } },
      stripeCreatedAt: new Date(1_764_000_000_000),
      orderKey: String((object.metadata as { order_id?: string } | undefined)?.order_id ?? object.id),
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
    const poison = [unknownIntent, unknownCharge];

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
    try {
      for (const stripeEventId of [fixable, ...poison]) {
        await emit("stripe/event.received", { stripeEventId, orderKey: stripeEventId });
      }
      await executor.idle();
      await expectBalanced();
      // The sweeper keeps re-dispatching nothing once they are parked: attempts stay at the cap.
      for (let sweep = 0; sweep < 3; sweep += 1) {
        executor.runScheduled();
        await executor.idle();
        await expectBalanced();
      }
    } finally {
      await executor.stop();
    }

    const parked = await database.prisma.stripeEvent.findMany({
      where: { stripeEventId: { in: [fixable, ...poison] } },
      select: { stripeEventId: true, attempts: true, deadAt: true, processedAt: true, lastError: true },
    });
    for (const event of parked) {
      expect(event.attempts).toBe(deadLetterAfterAttempts);
      expect(event.deadAt).not.toBeNull();
      expect(event.processedAt).toBeNull();
      expect(event.lastError).toBeTruthy();
    }
    expect((await expectBalanced()).inbox).toMatchObject({ dead: 3, pending: 0 });

    const page = await listDeadLetters(database.prisma);
    expect(page.deadLetters.map((letter) => letter.id).sort()).toEqual([fixable, ...poison].sort());
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
    expect((await expectBalanced()).inbox).toMatchObject({ dead: 2 });

    for (const id of poison) {
      await discardDeadLetter(
        { source: "inbox", id },
        { reason: "Points at nothing Stripe knows", actor: admin },
        database,
      );
    }
    expect((await expectBalanced()).inbox).toMatchObject({ dead: 0, pending: 0 });
    const audits = await database.prisma.auditLog.findMany({
      where: { actorId: admin.id },
      select: { action: true, subjectId: true, reason: true },
    });
    expect(audits.map((row) => row.action).sort()).toEqual([
      "dead_letter.discarded",
      "dead_letter.discarded",
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
    expect((await expectBalanced()).outbox.dead).toBeGreaterThanOrEqual(1);
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
    await expectBalanced();
    await dispatchDueEffects(REFUND_EFFECTS, { prisma: database.prisma, stripe });
    expect((await database.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effect.id } })).status).toBe("done");
    const atStripe = await stripe.refunds.list({ payment_intent: paid.paymentIntentId });
    expect(atStripe.data.map((row) => row.metadata?.refund_id)).toEqual([refund.id]);
    await expectBalanced();
  });
});
