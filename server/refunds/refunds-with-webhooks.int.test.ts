import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { AppError } from "../errors";
import { startWebhookHarness, type WebhookHarness } from "../webhooks/webhook-test-harness";
import type { RefundDeps } from "./refund-deps";
import { requestRefund } from "./request-refund";
import { createTestStaff, seedPaidOrder } from "./testing/seed-paid-order";

let database: TestDatabase;
let harness: WebhookHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  harness = await startWebhookHarness({
    prisma: database.prisma,
    databaseUrl: database.url,
    sandboxConfig: { timing: { chargeBalanceTransactionDelayMs: 0, refundSettleDelayMs: 10 } },
    maxConcurrent: 6,
  });
});
afterAll(async () => {
  await harness?.stop();
  await database?.drop();
});

describe("refund requests while refund webhooks arrive", () => {
  it("150 partial refunds on three orders, webhooks processed alongside: no request fails, every refund matches Stripe", async () => {
    const deps: RefundDeps = { prisma: database.prisma, stripe: harness.stripe, approvalThresholdMinor: 1_000_000 };
    const support = await createTestStaff(database.prisma, "support");
    const orders: Awaited<ReturnType<typeof seedPaidOrder>>[] = [];
    for (let index = 0; index < 3; index += 1) {
      orders.push(
        await seedPaidOrder(database.prisma, harness.stripe, {
          lines: [{ name: "Linen duvet cover", quantity: 1, lineTotalMinor: 100_000 }],
        }),
      );
    }
    await harness.settle();

    // Each request's Stripe refund makes the sandbox post refund.created and charge.refunded (and
    // refund.updated when it settles); the executor applies them while later requests still run.
    const outcomes = await Promise.all(
      Array.from({ length: 150 }, (_, index) => {
        const order = orders[index % 3]!;
        // Spread over a few seconds, so requests keep arriving while the first refunds' webhooks are applied.
        return sleep(index * 40)
          .then(() =>
            requestRefund(
              {
                orderId: order.orderId,
                amountMinor: 200 + (index % 7) * 50,
                reasonCode: "requested_by_customer",
                idempotencyKey: `mixed-${index}`,
                requestedBy: support,
              },
              deps,
            ),
          )
          .then(
            (result) => ({ ok: true as const, result }),
            (error: unknown) => ({ ok: false as const, error }),
          );
      }),
    );
    const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
    expect(
      failures.map((error) => (error instanceof AppError ? `${error.code}: ${error.message}` : String(error))),
    ).toEqual([]);
    // About 450 refund events, one order at a time each: this takes a while on a busy machine.
    await harness.settle(150_000);

    const failedEvents = await database.prisma.stripeEvent.findMany({
      where: { OR: [{ processedAt: null }, { lastError: { not: null } }] },
      select: { type: true, lastError: true, attempts: true },
    });
    expect(failedEvents).toEqual([]);
    for (const order of orders) {
      const rows = await database.prisma.refund.findMany({ where: { paymentId: order.paymentId } });
      expect(rows).toHaveLength(50);
      expect(rows.filter((row) => row.status === "issuing" || row.status === "failed")).toEqual([]);
      const atStripe = await harness.stripe.refunds.list({ payment_intent: order.paymentIntentId, limit: 100 });
      expect(atStripe.data).toHaveLength(50);
      expect(new Set(atStripe.data.map((refund) => refund.metadata?.refund_id))).toEqual(
        new Set(rows.map((row) => row.id)),
      );
      const payment = await database.prisma.payment.findUniqueOrThrow({ where: { id: order.paymentId } });
      expect(payment.amountRefundedMinor).toBe(rows.reduce((sum, row) => sum + row.amountMinor, 0));
    }
  }, 240_000);
});
