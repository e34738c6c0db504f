import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { applyPaymentIntentToOrder } from "./apply-payment-intent";
import { createPendingOrder, paymentIntentFixture } from "./order-test-fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("applyPaymentIntentToOrder", () => {
  it("moves the order, records history and mirrors the PaymentIntent on its Payment row", async () => {
    const order = await createPendingOrder(database.prisma);
    const intent = paymentIntentFixture(order.id, {
      status: "succeeded",
      amount_received: 2_500,
      latest_charge: "ch_1",
    });

    const result = await applyPaymentIntentToOrder(intent, { kind: "return_page" }, { prisma: database.prisma });

    expect(result).toEqual({ orderId: order.id, from: "pending_payment", to: "paid", applied: true });
    const stored = await database.prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { statusHistory: true, payments: true },
    });
    expect(stored.status).toBe("paid");
    expect(stored.statusHistory).toMatchObject([
      { fromStatus: "pending_payment", toStatus: "paid", cause: "return_page", note: "mark_paid" },
    ]);
    expect(stored.payments).toMatchObject([
      { stripePaymentIntentId: intent.id, status: "succeeded", amountCapturedMinor: 2_500, latestChargeId: "ch_1" },
    ]);
  });

  it("applies the same PaymentIntent once, from any number of callers at the same time", async () => {
    const order = await createPendingOrder(database.prisma);
    const intent = paymentIntentFixture(order.id, { status: "succeeded", amount_received: 2_500 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        applyPaymentIntentToOrder(intent, { kind: "sweeper" }, { prisma: database.prisma, observedAt: 5_000 }),
      ),
    );
    expect(results.filter((result) => result.applied)).toHaveLength(1);
    const history = await database.prisma.orderStatusHistory.findMany({ where: { orderId: order.id } });
    expect(history).toHaveLength(1);
    expect(await database.prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("records a decline as retryable, then a later success as paid, and ignores the older decline afterwards", async () => {
    const order = await createPendingOrder(database.prisma);
    const declined = paymentIntentFixture(order.id, {
      status: "requires_payment_method",
      last_payment_error: { type: "card_error", code: "card_declined", message: "Your card was declined." },
    });
    const prisma = database.prisma;
    expect(await applyPaymentIntentToOrder(declined, { kind: "sweeper" }, { prisma, observedAt: 1_000 })).toMatchObject(
      {
        to: "payment_failed",
        applied: true,
      },
    );
    const succeeded = { ...declined, status: "succeeded", last_payment_error: null, amount_received: 2_500 } as const;
    await applyPaymentIntentToOrder(succeeded, { kind: "sweeper" }, { prisma, observedAt: 3_000 });
    expect(await applyPaymentIntentToOrder(declined, { kind: "sweeper" }, { prisma, observedAt: 2_000 })).toEqual({
      orderId: order.id,
      from: "paid",
      to: "paid",
      applied: false,
    });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { stripePaymentIntentId: declined.id } });
    expect(payment).toMatchObject({ status: "succeeded", lastPaymentError: null, amountCapturedMinor: 2_500 });
  });

  it("refuses a PaymentIntent that names no order, without touching anything", async () => {
    const intent = paymentIntentFixture("not-an-order");
    await expect(
      applyPaymentIntentToOrder(intent, { kind: "return_page" }, { prisma: database.prisma }),
    ).rejects.toThrow(/not an order id/);
  });
});
