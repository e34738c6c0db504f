import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createTestStaff, seedPaidOrder } from "../refunds/testing/seed-paid-order";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { prepareDisputeChange } from "../webhooks/apply-dispute-change";
import { acceptDispute } from "./accept-dispute";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

describe("accepting a dispute", () => {
  it("closes it at Stripe as lost, once, audited with who and why", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Cast iron teapot", quantity: 1, lineTotalMinor: 8900 }],
      paymentMethod: "pm_card_createDispute",
    });
    const [stripeDispute] = (await stripe.disputes.list({ payment_intent: order.paymentIntentId })).data;
    const change = await prepareDisputeChange(database.prisma, stripe, stripeDispute!.id);
    await database.prisma.$transaction((tx) => change(tx, { kind: "webhook", stripeEventId: "evt_created" }));
    const dispute = await database.prisma.dispute.findUniqueOrThrow({ where: { stripeDisputeId: stripeDispute!.id } });

    const input = { disputeId: dispute.id, staffUserId: support.id, reason: "The customer never received it" };
    const deps = { prisma: database.prisma, stripe };
    expect(await acceptDispute(input, deps)).toEqual({ status: "lost" });
    expect(await acceptDispute(input, deps)).toEqual({ status: "lost" });

    expect((await stripe.disputes.retrieve(stripeDispute!.id)).status).toBe("lost");
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "dispute.accepted", subjectId: dispute.id },
    });
    expect(audit).toMatchObject([
      { actorId: support.id, amountMinor: 8900, reason: "The customer never received it", after: { status: "lost" } },
    ]);
    expect(
      await database.prisma.outboxEffect.count({ where: { kind: "stripe.dispute.close", subjectId: dispute.id } }),
    ).toBe(1);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe(
      "dispute_lost",
    );
  });
});
