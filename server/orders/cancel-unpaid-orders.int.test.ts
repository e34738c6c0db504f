import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { JobContext } from "../jobs/job-definition";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { applyPaymentIntentToOrder } from "./apply-payment-intent";
import { cancelExpiredUnpaidOrders } from "./cancel-expired-unpaid-orders";
import { requestOrderCancel } from "./cancel-unpaid-order";
import { createPendingOrder } from "./order-test-fixtures";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let context: JobContext;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
  context = { prisma: database.prisma, stripe };
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

const HOUR = 3_600_000;

/** An order left at checkout: its PaymentIntent exists at Stripe and was never paid. */
async function abandonedOrder(ageMs: number) {
  const order = await createPendingOrder(database.prisma, 4_800, "JPY");
  const intent = await stripe.paymentIntents.create({
    amount: 4_800,
    currency: "jpy",
    metadata: { order_id: order.id },
  });
  await applyPaymentIntentToOrder(intent, { kind: "return_page" }, { prisma: database.prisma });
  await database.prisma.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - ageMs) } });
  return { orderId: order.id, paymentIntentId: intent.id };
}

const auditOf = (orderId: string) =>
  database.prisma.auditLog.findMany({ where: { subjectType: "order", subjectId: orderId, action: "order.canceled" } });

describe("unpaid orders", () => {
  it("cancels an order unpaid past the configured time once, and its PaymentIntent at Stripe", async () => {
    const old = await abandonedOrder(25 * HOUR);
    const recent = await abandonedOrder(1 * HOUR);

    await cancelExpiredUnpaidOrders(context, 24 * HOUR);
    await cancelExpiredUnpaidOrders(context, 24 * HOUR);

    expect((await stripe.paymentIntents.retrieve(old.paymentIntentId)).status).toBe("canceled");
    expect((await stripe.paymentIntents.retrieve(recent.paymentIntentId)).status).toBe("requires_payment_method");
    const orders = await database.prisma.order.findMany({
      where: { id: { in: [old.orderId, recent.orderId] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(orders.map((order) => [order.id, order.status]))).toEqual({
      [old.orderId]: "canceled",
      [recent.orderId]: "pending_payment",
    });
    const audit = await auditOf(old.orderId);
    expect(audit).toMatchObject([
      { actorKind: "system", amountMinor: 4_800, currency: "JPY", reason: "Not paid within 1440 minutes" },
    ]);
    expect(
      await database.prisma.outboxEffect.count({
        where: { kind: "stripe.payment_intent.cancel", subjectId: old.paymentIntentId },
      }),
    ).toBe(1);
    expect(await auditOf(recent.orderId)).toEqual([]);
  });

  it("lets staff cancel an unpaid order by hand, audited with who and why, and refuses a paid one", async () => {
    const order = await abandonedOrder(0);
    const staff = await database.prisma.staffUser.create({
      data: { email: `cancel-${order.orderId}@payops.test`, name: "Sam Support", role: "support", passwordHash: "x" },
    });
    const first = await requestOrderCancel(database.prisma, {
      orderId: order.orderId,
      actor: { kind: "staff", staffUserId: staff.id },
      reason: "Customer ordered twice",
    });
    const again = await requestOrderCancel(database.prisma, {
      orderId: order.orderId,
      actor: { kind: "staff", staffUserId: staff.id },
      reason: "Customer ordered twice",
    });
    expect(again).toEqual({ effectIds: first.effectIds, alreadyRequested: true });
    expect(await auditOf(order.orderId)).toMatchObject([
      { actorId: staff.id, reason: "Customer ordered twice", before: { status: "pending_payment" } },
    ]);

    const paid = await createPendingOrder(database.prisma);
    await database.prisma.order.update({ where: { id: paid.id }, data: { status: "paid" } });
    await expect(
      requestOrderCancel(database.prisma, { orderId: paid.id, actor: { kind: "system" }, reason: "late" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditOf(paid.id)).toEqual([]);
  });
});
