import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { countOutbox } from "../jobs/outbox/count-outbox";
import { dispatchDueEffects } from "../jobs/outbox/dispatch-due-effects";
import { makeEffectDue } from "../jobs/outbox/enqueue-effect";
import { performEffect } from "../jobs/outbox/perform-effect";
import { seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { controlHeaders, type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { unreachableStripe } from "../stripe-sandbox/testing/unreachable-stripe";
import {
  enqueuePaymentIntentCancel,
  enqueuePaymentIntentCapture,
  heldPaymentIdempotencyKey,
  PAYMENT_INTENT_EFFECTS,
} from "./payment-intent-effects";

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

async function heldOrder(lineTotalMinor: number) {
  const order = await seedPaidOrder(database.prisma, stripe, {
    lines: [{ name: "Linen apron", quantity: 1, lineTotalMinor }],
    captureMethod: "manual",
  });
  expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).status).toBe("requires_capture");
  return order;
}

async function expectOutboxBalanced() {
  const counts = await countOutbox(database.prisma);
  expect(counts.received).toBe(counts.processed + counts.pending + counts.dead);
}

async function effectFor(key: string) {
  return database.prisma.outboxEffect.findUniqueOrThrow({ where: { idempotencyKey: key } });
}

describe("capturing and cancelling held payments through the outbox", () => {
  it("captures a hold whose request died after commit, moves the order to paid, and a repeat changes nothing", async () => {
    const order = await heldOrder(6_400);
    // The state change commits with its effect; the process dies before performing it.
    await database.prisma.$transaction((tx) =>
      enqueuePaymentIntentCapture(tx, { paymentIntentId: order.paymentIntentId }),
    );
    await expectOutboxBalanced();

    await dispatchDueEffects(PAYMENT_INTENT_EFFECTS, { prisma: database.prisma, stripe });
    const captured = await stripe.paymentIntents.retrieve(order.paymentIntentId);
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 6_400 });
    const effect = await effectFor(heldPaymentIdempotencyKey("capture", order.paymentIntentId));
    expect(effect).toMatchObject({ status: "done", attempts: 1 });
    expect(effect.result).toMatch(/^captured/);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("paid");
    const payment = await database.prisma.payment.findUniqueOrThrow({ where: { id: order.paymentId } });
    expect(payment).toMatchObject({ status: "succeeded", amountCapturedMinor: 6_400 });

    // Sent again (a replay from the operations page): Stripe already has it, so it is done without a call.
    await database.prisma.outboxEffect.update({ where: { id: effect.id }, data: { status: "dead" } });
    const again = await database.prisma.$transaction((tx) => makeEffectDue(tx, effect.idempotencyKey));
    expect(await performEffect(again!, PAYMENT_INTENT_EFFECTS, { prisma: database.prisma, stripe })).toMatchObject({
      status: "done",
    });
    expect((await effectFor(effect.idempotencyKey)).result).toMatch(/^succeeded at Stripe before the capture/);
    await expectOutboxBalanced();
  });

  it("a capture whose answer was lost is found captured on the next attempt, never sent twice", async () => {
    const order = await heldOrder(2_500);
    const effectId = await database.prisma.$transaction((tx) =>
      enqueuePaymentIntentCapture(tx, { paymentIntentId: order.paymentIntentId, amountMinor: 2_000 }),
    );
    // Stripe captures, then the answer never arrives.
    const capturePath = `/v1/payment_intents/${order.paymentIntentId}/capture`;
    await setFaults({ seed: 7, api: { errorRate: 1, timing: "after", pathPrefix: capturePath } });
    const first = await performEffect(effectId, PAYMENT_INTENT_EFFECTS, { prisma: database.prisma, stripe });
    await setFaults({});
    expect(first.status).toBe("pending");
    expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).amount_received).toBe(2_000);

    const second = await performEffect(
      effectId,
      PAYMENT_INTENT_EFFECTS,
      { prisma: database.prisma, stripe },
      { force: true },
    );
    expect(second.status).toBe("done");
    expect((await effectFor(heldPaymentIdempotencyKey("capture", order.paymentIntentId))).attempts).toBe(2);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("paid");
    await expectOutboxBalanced();
  });

  it("cancels a hold while Stripe is unreachable once it returns; a capture after the cancel is done with Stripe's word", async () => {
    const order = await heldOrder(3_100);
    const cancelId = await database.prisma.$transaction((tx) =>
      enqueuePaymentIntentCancel(tx, { paymentIntentId: order.paymentIntentId, reason: "fraudulent" }),
    );
    const down = await performEffect(cancelId, PAYMENT_INTENT_EFFECTS, {
      prisma: database.prisma,
      stripe: unreachable,
    });
    expect(down.status).toBe("pending");
    expect(down.lastError).toBeTruthy();
    expect((await stripe.paymentIntents.retrieve(order.paymentIntentId)).status).toBe("requires_capture");

    await database.prisma.outboxEffect.update({ where: { id: cancelId }, data: { nextAttemptAt: new Date(0) } });
    await dispatchDueEffects(PAYMENT_INTENT_EFFECTS, { prisma: database.prisma, stripe });
    expect(await stripe.paymentIntents.retrieve(order.paymentIntentId)).toMatchObject({
      status: "canceled",
      cancellation_reason: "fraudulent",
    });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("canceled");

    const captureId = await database.prisma.$transaction((tx) =>
      enqueuePaymentIntentCapture(tx, { paymentIntentId: order.paymentIntentId }),
    );
    expect(await performEffect(captureId, PAYMENT_INTENT_EFFECTS, { prisma: database.prisma, stripe })).toMatchObject({
      status: "done",
    });
    expect((await effectFor(heldPaymentIdempotencyKey("capture", order.paymentIntentId))).result).toMatch(
      /^canceled at Stripe before the capture/,
    );
    await expectOutboxBalanced();
  });
});
