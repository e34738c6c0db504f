import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { AppError } from "../errors";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import type { RefundDeps } from "./refund-deps";
import { COMMITTED_REFUND_STATUSES } from "./refund-status";
import { type RefundRequestResult, requestRefund } from "./request-refund";
import { createTestStaff, seedPaidOrder } from "./testing/seed-paid-order";

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

describe("refunds under concurrency", () => {
  it("50 simultaneous partial refunds never exceed the captured amount, and each key refunds once", async () => {
    const deps: RefundDeps = { prisma: database.prisma, stripe, approvalThresholdMinor: 1_000_000 };
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Merino throw", quantity: 1, lineTotalMinor: 10_000 }],
    });
    // 25 keys, each sent twice (a double click); together they ask for far more than was captured.
    const keys = Array.from({ length: 25 }, (_, index) => ({
      key: `click-${index}`,
      amountMinor: 300 + ((index * 137) % 500),
    }));
    const attempts = [...keys, ...keys].map(({ key, amountMinor }) =>
      requestRefund(
        {
          orderId: order.orderId,
          amountMinor,
          reasonCode: "requested_by_customer",
          idempotencyKey: key,
          requestedBy: support,
        },
        deps,
      ).then(
        (result): { key: string; result: RefundRequestResult } => ({ key, result }),
        (error: unknown) => ({ key, error }),
      ),
    );
    const outcomes = await Promise.all(attempts);

    const failures = outcomes.flatMap((outcome) => ("error" in outcome ? [outcome.error] : []));
    expect(failures.length).toBeGreaterThan(0);
    for (const error of failures) expect(error).toBeInstanceOf(AppError);
    expect(failures.every((error) => (error as AppError).code === "UNPROCESSABLE")).toBe(true);

    const rows = await database.prisma.refund.findMany({ where: { paymentId: order.paymentId } });
    const committed = rows.filter((row) => (COMMITTED_REFUND_STATUSES as readonly string[]).includes(row.status));
    // Every accepted request fits: none was left for Stripe to refuse as too large.
    expect(rows.filter((row) => row.status === "failed")).toEqual([]);
    expect(committed).toHaveLength(rows.length);
    expect(rows.reduce((sum, row) => sum + row.amountMinor, 0)).toBeLessThanOrEqual(10_000);
    expect(new Set(rows.map((row) => row.idempotencyKey)).size).toBe(rows.length);

    // Both clicks of one key got the same refund back.
    for (const { key } of keys) {
      const ids = new Set(outcomes.flatMap((o) => (o.key === key && "result" in o ? [o.result.refund.id] : [])));
      expect(ids.size).toBeLessThanOrEqual(1);
    }

    const stripeRefunds = await stripe.refunds.list({ payment_intent: order.paymentIntentId, limit: 100 });
    expect(stripeRefunds.data.reduce((sum, refund) => sum + refund.amount, 0)).toBeLessThanOrEqual(10_000);
    const ourIds = stripeRefunds.data.map((refund) => refund.metadata?.refund_id);
    expect(new Set(ourIds).size).toBe(stripeRefunds.data.length);
    expect(stripeRefunds.data).toHaveLength(committed.length);
  });
});
