import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { reportingWindow } from "../back-office/reporting-window";
import type { Tx } from "../db/client";
import { runTransaction } from "../db/run-transaction";
import { getOverview } from "./get-overview";

let database: TestDatabase;
let customerId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  customerId = (await database.prisma.customer.create({ data: { email: "totals@example.test" } })).id;
});
afterAll(async () => {
  await database?.drop();
});

const DAY_MS = 86_400_000;
const CURRENCIES = ["USD", "EUR", "GBP", "JPY"] as const;

type Step =
  | { op: "create"; currency: (typeof CURRENCIES)[number]; amount: number; daysAgo: number; hour: number }
  | { op: "succeed" | "authorise" | "decline" | "cancel" | "touch" | "dispute" | "delete"; pick: number }
  | { op: "refund"; pick: number; share: number }
  | { op: "cancelAllAuthorised" };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("create" as const),
      currency: fc.constantFrom(...CURRENCIES),
      amount: fc.integer({ min: 50, max: 500_000 }),
      daysAgo: fc.integer({ min: -1, max: 40 }),
      hour: fc.integer({ min: 0, max: 23 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constantFrom(
        "succeed" as const,
        "authorise" as const,
        "decline" as const,
        "cancel" as const,
        "touch" as const,
        "dispute" as const,
        "delete" as const,
      ),
      pick: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("refund" as const),
      pick: fc.nat(),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cancelAllAuthorised" as const) }) },
);

/** One step as the app's writers make it: one transaction, order first, then its payment, refunds, disputes. */
async function apply(tx: Tx, step: Step, paymentIds: string[]): Promise<void> {
  if (step.op === "cancelAllAuthorised") {
    // Several payments in one statement, as a sweep would.
    await tx.payment.updateMany({ where: { status: "requires_capture" }, data: { status: "canceled" } });
    return;
  }
  if (step.op === "create") {
    const now = new Date();
    const createdAt = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
        step.daysAgo * DAY_MS +
        step.hour * 3_600_000,
    );
    const order = await tx.order.create({
      data: {
        publicToken: `totals_${crypto.randomUUID()}`,
        customerId,
        status: "pending_payment",
        currency: step.currency,
        subtotalMinor: step.amount,
        totalMinor: step.amount,
        createdAt,
      },
    });
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        stripePaymentIntentId: `pi_totals_${crypto.randomUUID()}`,
        status: "requires_payment_method",
        currency: step.currency,
        amountMinor: step.amount,
        createdAt,
      },
    });
    paymentIds.push(payment.id);
    return;
  }
  if (paymentIds.length === 0) return;
  const id = paymentIds[step.pick % paymentIds.length]!;
  // Lock order for its money: the order, then the payment (another writer may have deleted it).
  await tx.$executeRaw`SELECT 1 FROM orders o JOIN payments p ON p.order_id = o.id WHERE p.id = ${id}::uuid FOR UPDATE OF o`;
  const payment = await tx.payment.findUnique({ where: { id } });
  if (!payment) return;
  const update = (data: Parameters<Tx["payment"]["update"]>[0]["data"]) => tx.payment.update({ where: { id }, data });
  switch (step.op) {
    case "succeed":
      await update({ status: "succeeded", amountCapturedMinor: payment.amountMinor, lastPaymentError: null });
      return;
    case "authorise":
      if (payment.status === "requires_payment_method")
        await update({ status: "requires_capture", lastPaymentError: null });
      return;
    case "decline":
      if (payment.status === "requires_payment_method") await update({ lastPaymentError: "Your card was declined." });
      return;
    case "cancel":
      if (payment.amountCapturedMinor === 0) await update({ status: "canceled" });
      return;
    case "touch":
      await update({ cardBrand: "visa", cardLast4: "4242" });
      return;
    case "refund": {
      const left = payment.amountCapturedMinor - payment.amountRefundedMinor;
      const amount = Math.min(left, Math.max(1, Math.floor(payment.amountCapturedMinor * step.share)));
      if (left <= 0) return;
      await tx.refund.create({
        data: {
          orderId: payment.orderId,
          paymentId: id,
          status: "succeeded",
          currency: payment.currency,
          amountMinor: amount,
          reasonCode: "requested_by_customer",
          source: "staff",
        },
      });
      await update({ amountRefundedMinor: { increment: amount } });
      return;
    }
    case "dispute":
      if (payment.amountCapturedMinor === 0) return;
      await tx.order.update({ where: { id: payment.orderId }, data: { status: "disputed" } });
      await tx.dispute.create({
        data: {
          stripeDisputeId: `dp_totals_${crypto.randomUUID()}`,
          stripeChargeId: `ch_totals_${id}`,
          orderId: payment.orderId,
          paymentId: id,
          status: "needs_response",
          reason: "fraudulent",
          currency: payment.currency,
          amountMinor: payment.amountCapturedMinor,
        },
      });
      return;
    case "delete":
      if (
        (await tx.refund.count({ where: { paymentId: id } })) + (await tx.dispute.count({ where: { paymentId: id } }))
      )
        return;
      await tx.order.delete({ where: { id: payment.orderId } });
      paymentIds.splice(paymentIds.indexOf(id), 1);
      return;
  }
}

/** The overview's payment figures straight from the payments: what the maintained totals must equal. */
async function rawFigures(now: Date) {
  const { since } = reportingWindow(now);
  const daily = await database.prisma.$queryRaw<{ day: string; currency: string; captured: bigint }[]>`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, currency, sum(amount_captured_minor) AS captured
      FROM payments WHERE created_at >= ${since} AND amount_captured_minor > 0
     GROUP BY 1, 2 ORDER BY 1, 2`;
  const [rates] = await database.prisma.$queryRaw<
    { succeeded: number; failed: number; captured: number; refunded: number }[]
  >`
    SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
           count(*) FILTER (WHERE status = 'canceled'
             OR (status = 'requires_payment_method' AND last_payment_error IS NOT NULL))::int AS failed,
           count(*) FILTER (WHERE amount_captured_minor > 0)::int AS captured,
           count(*) FILTER (WHERE amount_refunded_minor > 0)::int AS refunded
      FROM payments WHERE created_at >= ${since}`;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    dailyVolume: daily.map((row) => ({
      day: row.day,
      currency: row.currency.trim(),
      capturedMinor: Number(row.captured),
    })),
    paymentSuccessRate: ratio(rates!.succeeded, rates!.succeeded + rates!.failed),
    refundRate: ratio(rates!.refunded, rates!.captured),
  };
}

describe("payment_daily_totals", () => {
  it("after any sequence of payments, refunds and disputes, written from several connections, give the overview the payments give", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: -12, max: 12 }),
        async (steps, shiftDays) => {
          // Each run starts from an empty store, so a failure shrinks to the steps that cause it.
          await database.prisma.$transaction([
            database.prisma.refund.deleteMany(),
            database.prisma.dispute.deleteMany(),
            database.prisma.order.deleteMany(),
            database.prisma.paymentDailyTotal.deleteMany(),
          ]);
          const paymentIds: string[] = [];
          // Creations first from one writer, so the other steps have payments to pick; then three at once.
          for (const step of steps.filter((s) => s.op === "create")) {
            await runTransaction(database.prisma, (tx) => apply(tx, step, paymentIds));
          }
          const others = steps.filter((s) => s.op !== "create");
          await Promise.all(
            [0, 1, 2].map(async (lane) => {
              for (const step of others.filter((_, index) => index % 3 === lane)) {
                await runTransaction(database.prisma, (tx) => apply(tx, step, paymentIds));
              }
            }),
          );
          for (const now of [new Date(), new Date(Date.now() + shiftDays * DAY_MS)]) {
            const overview = await getOverview(database.prisma, now);
            const raw = await rawFigures(now);
            expect({
              dailyVolume: overview.dailyVolume,
              paymentSuccessRate: overview.paymentSuccessRate,
              refundRate: overview.refundRate,
            }).toEqual(raw);
            const volume = new Map<string, number>();
            for (const row of raw.dailyVolume)
              volume.set(row.currency, (volume.get(row.currency) ?? 0) + row.capturedMinor);
            expect(new Map(overview.volume.map((row) => [row.currency, row.last30DaysMinor]))).toEqual(volume);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("refuses TRUNCATE, which would leave the totals counting payments that are gone", async () => {
    await expect(database.prisma.$executeRaw`TRUNCATE payments CASCADE`).rejects.toThrow(/cannot be truncated/);
  });
});
