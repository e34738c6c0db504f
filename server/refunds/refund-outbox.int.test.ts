import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { AppError } from "../errors";
import { countOutbox } from "../jobs/outbox/count-outbox";
import { dispatchDueEffects } from "../jobs/outbox/dispatch-due-effects";
import { createStripeClient } from "../stripe/client";
import { controlHeaders, type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { unreachableStripe } from "../stripe-sandbox/testing/unreachable-stripe";
import { recheckUnsettledRefunds } from "./recheck-unsettled-refunds";
import type { RefundDeps } from "./refund-deps";
import { REFUND_EFFECTS } from "./refund-effects";
import { requestRefund } from "./request-refund";
import { createTestStaff, seedPaidOrder } from "./testing/seed-paid-order";

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

async function setFaults(faults: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: controlHeaders(sandbox.controlToken),
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

async function expectOutboxBalanced() {
  const counts = await countOutbox(database.prisma);
  expect(counts.received).toBe(counts.processed + counts.pending + counts.dead);
  return counts;
}

/** Makes every pending effect due now, as if its backoff had passed. */
async function skipBackoff() {
  await database.prisma.outboxEffect.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date(0) } });
}

async function stripeRefundsFor(paymentIntentId: string) {
  return (await stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })).data;
}

describe("refunds through the outbox", () => {
  it("answers 503 with a retry hint while Stripe is unreachable, keeps the refund due, and the dispatcher sends it once", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Wool blanket", quantity: 1, lineTotalMinor: 8_000 }],
    });
    const down: RefundDeps = { prisma: database.prisma, stripe: unreachable, approvalThresholdMinor: 1_000_000 };
    const request = {
      orderId: order.orderId,
      amountMinor: 1_500,
      reasonCode: "requested_by_customer" as const,
      idempotencyKey: "outbox-unreachable",
      requestedBy: support,
    };
    const refused = await requestRefund(request, down).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", details: { retryAfterSeconds: 30 } });
    expect((refused as AppError).message).toMatch(/saved/);

    const refund = await database.prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: "outbox-unreachable" } });
    expect(refund.status).toBe("issuing");
    const effect = await database.prisma.outboxEffect.findUniqueOrThrow({
      where: { idempotencyKey: `refund:${refund.id}` },
      include: { attemptLog: true },
    });
    expect(effect).toMatchObject({ kind: "stripe.refund.create", status: "pending", attempts: 1 });
    expect(effect.lastError).toMatch(/connect|ECONNREFUSED|Stripe/i);
    expect(effect.attemptLog.map((attempt) => attempt.outcome)).toEqual(["retry"]);
    expect(await expectOutboxBalanced()).toMatchObject({ pending: 1 });

    // The same request again (the agent's retry) neither makes a second refund nor skips the first.
    await expect(requestRefund(request, down)).resolves.toMatchObject({ created: false, refund: { id: refund.id } });

    await skipBackoff();
    expect(await dispatchDueEffects(REFUND_EFFECTS, { prisma: database.prisma, stripe })).toEqual({
      attempted: 1,
      done: 1,
    });
    const sent = await database.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(["pending", "succeeded"]).toContain(sent.status);
    const atStripe = await stripeRefundsFor(order.paymentIntentId);
    expect(atStripe.map((row) => [row.amount, row.metadata?.refund_id])).toEqual([[1_500, refund.id]]);
    expect(await expectOutboxBalanced()).toMatchObject({ pending: 0, dead: 0 });
  });

  it("a refund Stripe made whose answer was lost is found by its metadata on the next attempt, not made twice", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Wool blanket", quantity: 1, lineTotalMinor: 8_000 }],
    });
    const deps: RefundDeps = { prisma: database.prisma, stripe, approvalThresholdMinor: 1_000_000 };
    await setFaults({ api: { errorRate: 1, timing: "after", pathPrefix: "/v1/refunds" } });
    try {
      await expect(
        requestRefund(
          {
            orderId: order.orderId,
            amountMinor: 700,
            reasonCode: "duplicate",
            idempotencyKey: "outbox-lost-answer",
            requestedBy: support,
          },
          deps,
        ),
      ).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    } finally {
      await setFaults({});
    }
    const refund = await database.prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: "outbox-lost-answer" } });
    expect(refund.status).toBe("issuing");
    expect(await stripeRefundsFor(order.paymentIntentId)).toHaveLength(1);

    // A day later Stripe has forgotten the idempotency key; the redrive still finds the refund.
    const advanced = await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
      method: "POST",
      headers: controlHeaders(sandbox.controlToken),
      body: JSON.stringify({ seconds: 25 * 3600 }),
    });
    expect(advanced.ok).toBe(true);
    await skipBackoff();
    await dispatchDueEffects(REFUND_EFFECTS, { prisma: database.prisma, stripe });
    const atStripe = await stripeRefundsFor(order.paymentIntentId);
    expect(atStripe).toHaveLength(1);
    const synced = await database.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(synced.stripeRefundId).toBe(atStripe[0]!.id);
    expect(synced.status).not.toBe("issuing");
  });

  it("parks an effect that keeps failing as a dead letter after the configured attempts, counted throughout", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Wool blanket", quantity: 1, lineTotalMinor: 8_000 }],
    });
    const deadLetterAfterAttempts = 3;
    const down: RefundDeps = {
      prisma: database.prisma,
      stripe: unreachable,
      approvalThresholdMinor: 1_000_000,
      deadLetterAfterAttempts,
    };
    await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 900,
        reasonCode: "goodwill",
        idempotencyKey: "outbox-dead",
        requestedBy: support,
      },
      down,
    ).catch(() => undefined);
    const refund = await database.prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: "outbox-dead" } });
    for (let round = 0; round < 4; round += 1) {
      await skipBackoff();
      await dispatchDueEffects(REFUND_EFFECTS, {
        prisma: database.prisma,
        stripe: unreachable,
        deadLetterAfterAttempts,
      });
      await expectOutboxBalanced();
    }
    const effect = await database.prisma.outboxEffect.findUniqueOrThrow({
      where: { idempotencyKey: `refund:${refund.id}` },
      include: { attemptLog: { orderBy: { attempt: "asc" } } },
    });
    expect(effect.status).toBe("dead");
    expect(effect.attempts).toBe(3);
    expect(effect.attemptLog.map((attempt) => attempt.outcome)).toEqual(["retry", "retry", "dead"]);
    expect(await expectOutboxBalanced()).toMatchObject({ dead: 1 });
    expect(await stripeRefundsFor(order.paymentIntentId)).toEqual([]);
  });

  it("the sweeper settles a refund whose webhooks were lost, and sends one left issuing without a due effect", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Wool blanket", quantity: 1, lineTotalMinor: 8_000 }],
    });
    const deps: RefundDeps = { prisma: database.prisma, stripe, approvalThresholdMinor: 1_000_000 };
    const ask = (key: string, amountMinor: number) =>
      requestRefund(
        { orderId: order.orderId, amountMinor, reasonCode: "goodwill", idempotencyKey: key, requestedBy: support },
        deps,
      );
    // No webhook endpoint here: Stripe settles the refund and nobody tells PayOps.
    const { refund: waiting } = await ask("sweep-pending", 500);
    expect(waiting.status).toBe("pending");
    const settled = await fetch(`${sandbox.url}/_sandbox/refunds/settle`, {
      method: "POST",
      headers: controlHeaders(sandbox.controlToken),
    });
    expect(settled.ok).toBe(true);

    // A refund still issuing whose effect was closed (a crash between the two writes of an older version).
    await setFaults({ api: { errorRate: 1, pathPrefix: "/v1/refunds" } });
    await ask("sweep-orphan", 600).catch(() => undefined);
    await setFaults({});
    const orphan = await database.prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: "sweep-orphan" } });
    await database.prisma.outboxEffect.update({
      where: { idempotencyKey: `refund:${orphan.id}` },
      data: { status: "done", result: "lost" },
    });

    // Refunds of the tests before are still pending here too; they are re-read as well.
    const swept = await recheckUnsettledRefunds({ prisma: database.prisma, stripe }, 0);
    expect(swept.requeued).toBe(1);
    expect(swept.synced).toBeGreaterThanOrEqual(1);
    expect((await database.prisma.refund.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("succeeded");
    await dispatchDueEffects(REFUND_EFFECTS, { prisma: database.prisma, stripe });
    const sent = await database.prisma.refund.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(sent.status).not.toBe("issuing");
    const atStripe = await stripeRefundsFor(order.paymentIntentId);
    expect(atStripe.map((row) => row.metadata?.refund_id).sort()).toEqual([waiting.id, orphan.id].sort());
    await expectOutboxBalanced();
  });
});
