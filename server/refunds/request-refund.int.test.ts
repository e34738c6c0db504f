import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { AppError } from "../errors";
import { createStripeClient } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { approveRefund } from "./approve-refund";
import type { RefundDeps } from "./refund-deps";
import { rejectRefund } from "./reject-refund";
import { requestRefund } from "./request-refund";
import { retrieveRefundForSync } from "./retrieve-refund-for-sync";
import { syncRefundFromStripe } from "./sync-refund-from-stripe";
import { createTestStaff, seedPaidOrder } from "./testing/seed-paid-order";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;
let deps: RefundDeps;
let support: Awaited<ReturnType<typeof createTestStaff>>;
let support2: Awaited<ReturnType<typeof createTestStaff>>;
let finance: Awaited<ReturnType<typeof createTestStaff>>;
let risk: Awaited<ReturnType<typeof createTestStaff>>;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox({ port: 0 })]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
  deps = { prisma: database.prisma, stripe, approvalThresholdMinor: 10_000 };
  support = await createTestStaff(database.prisma, "support");
  support2 = await createTestStaff(database.prisma, "support");
  finance = await createTestStaff(database.prisma, "finance");
  risk = await createTestStaff(database.prisma, "risk");
});

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

const lines = [
  { name: "Stoneware mug", quantity: 3, lineTotalMinor: 4500 },
  { name: "Walnut serving board", quantity: 1, lineTotalMinor: 12_000 },
];

async function waitForStripeStatus(refundId: string, status: string) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const refund = await retrieveRefundForSync(stripe, refundId);
    if (refund.status === status) return refund;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`refund ${refundId} never became ${status}`);
}

describe("requestRefund", () => {
  it("refunds one line through Stripe, pending then succeeded, and posts the ledger once", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, { lines });
    const { refund, created } = await requestRefund(
      {
        orderId: order.orderId,
        lines: [{ orderItemId: order.itemIds[0]!, quantity: 1 }],
        reasonCode: "damaged",
        note: "Arrived chipped",
        idempotencyKey: "line-refund-1",
        requestedBy: support,
      },
      deps,
    );
    expect(created).toBe(true);
    expect(refund.amountMinor).toBe(1500);
    expect(refund.status).toBe("pending");
    expect(refund.stripeRefundId).toMatch(/^re_/);

    // What the refund.updated webhook handler does: re-read the refund and sync it.
    const succeeded = await waitForStripeStatus(refund.stripeRefundId!, "succeeded");
    await database.prisma.$transaction((tx) =>
      syncRefundFromStripe(tx, succeeded, { kind: "webhook", stripeEventId: "evt_1" }),
    );
    await database.prisma.$transaction((tx) =>
      syncRefundFromStripe(tx, succeeded, { kind: "webhook", stripeEventId: "evt_2" }),
    );
    const stored = await database.prisma.refund.findUniqueOrThrow({
      where: { id: refund.id },
      include: { lines: true },
    });
    expect(stored.status).toBe("succeeded");
    expect(stored.lines).toEqual([
      expect.objectContaining({ orderItemId: order.itemIds[0], quantity: 1, amountMinor: 1500 }),
    ]);
    const postings = await database.prisma.ledgerTransaction.count({
      where: { stripeObjectId: refund.stripeRefundId, kind: "refund_created" },
    });
    expect(postings).toBe(1);
    const audit = await database.prisma.auditLog.findMany({ where: { subjectId: refund.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "refund.requested",
        actorId: support.id,
        amountMinor: 1500,
        reason: "damaged: Arrived chipped",
      }),
    ]);
  });

  it("returns the first refund for a repeated idempotency key and refuses the key for another amount", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, { lines });
    const request = {
      orderId: order.orderId,
      amountMinor: 700,
      reasonCode: "goodwill" as const,
      idempotencyKey: "double-click",
      requestedBy: support,
    };
    const first = await requestRefund(request, deps);
    const again = await requestRefund(request, deps);
    expect(again).toEqual({ refund: expect.objectContaining({ id: first.refund.id }), created: false });
    await expect(requestRefund({ ...request, amountMinor: 800 }, deps)).rejects.toMatchObject({ code: "CONFLICT" });
    const stripeRefunds = await stripe.refunds.list({ payment_intent: order.paymentIntentId });
    expect(stripeRefunds.data).toHaveLength(1);
  });

  it("refuses more than is left to refund, naming the refundable amount", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, { lines: [lines[0]!] });
    await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 4000,
        reasonCode: "goodwill",
        idempotencyKey: "most",
        requestedBy: support,
      },
      deps,
    );
    const attempt = requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 600,
        reasonCode: "goodwill",
        idempotencyKey: "too-much",
        requestedBy: support,
      },
      deps,
    );
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("$5.00") });
  });

  it("holds a refund above the threshold for someone else with refunds.approve (maker-checker)", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, { lines });
    const { refund } = await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 12_000,
        reasonCode: "not_received",
        idempotencyKey: "big",
        requestedBy: support,
      },
      deps,
    );
    expect(refund.status).toBe("awaiting_approval");
    expect(await stripe.refunds.list({ payment_intent: order.paymentIntentId })).toMatchObject({ data: [] });

    await expect(approveRefund({ refundId: refund.id, approvedBy: support2 }, deps)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(approveRefund({ refundId: refund.id, approvedBy: risk }, deps)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = await createTestStaff(database.prisma, "admin");
    const own = await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 11_000,
        reasonCode: "goodwill",
        idempotencyKey: "admin-own",
        requestedBy: admin,
      },
      deps,
    ).catch((error: unknown) => error);
    // 12000 is reserved while it awaits approval, so only 4500 is left for anyone.
    expect(own).toMatchObject({ code: "UNPROCESSABLE" });

    const approved = await approveRefund({ refundId: refund.id, approvedBy: finance, note: "Carrier lost it" }, deps);
    expect(approved).toMatchObject({ status: "pending", approvedById: finance.id });
    await expect(approveRefund({ refundId: refund.id, approvedBy: finance }, deps)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const actions = await database.prisma.auditLog.findMany({
      where: { subjectId: refund.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((row) => [row.action, row.actorId])).toEqual([
      ["refund.requested", support.id],
      ["refund.approved", finance.id],
    ]);
  });

  it("splitting a refund does not dodge approval: 10000 + 10000 + 5600 against a 10000 threshold", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Oak side table", quantity: 1, lineTotalMinor: 25_600 }],
    });
    const ask = (amountMinor: number, key: string) =>
      requestRefund(
        {
          orderId: order.orderId,
          amountMinor,
          reasonCode: "requested_by_customer",
          idempotencyKey: key,
          requestedBy: support,
        },
        deps,
      );
    const first = await ask(10_000, "split-1");
    const second = await ask(10_000, "split-2");
    const third = await ask(5_600, "split-3");
    expect([first, second, third].map(({ refund }) => refund.status)).toEqual([
      "pending",
      "awaiting_approval",
      "awaiting_approval",
    ]);
    const refunded = await stripe.refunds.list({ payment_intent: order.paymentIntentId });
    expect(refunded.data.map((refund) => refund.amount)).toEqual([10_000]);

    // Approved refunds do not use up the allowance: after finance approves the second, a small one
    // still waits (10000 went out unapproved), and a rejected one frees nothing of the allowance.
    await approveRefund({ refundId: second.refund.id, approvedBy: finance }, deps);
    await rejectRefund(
      { refundId: third.refund.id, reason: "split", rejectedBy: finance },
      { prisma: database.prisma },
    );
    expect((await ask(100, "split-4")).refund.status).toBe("awaiting_approval");
  });

  it("a rejected refund frees its amount and is audited with the reason", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, { lines });
    const { refund } = await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 16_500,
        reasonCode: "goodwill",
        idempotencyKey: "reject-me",
        requestedBy: support,
      },
      deps,
    );
    await expect(rejectRefund({ refundId: refund.id, rejectedBy: support, reason: "no" }, deps)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const rejected = await rejectRefund(
      { refundId: refund.id, rejectedBy: finance, reason: "Outside the return window" },
      deps,
    );
    expect(rejected.status).toBe("rejected");
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { subjectId: refund.id, action: "refund.rejected" },
    });
    expect(audit).toMatchObject({ actorId: finance.id, reason: "Outside the return window", amountMinor: 16_500 });
    const next = await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 500,
        reasonCode: "goodwill",
        idempotencyKey: "after-reject",
        requestedBy: support,
      },
      deps,
    );
    expect(next.created).toBe(true);
  });

  it("refuses a refund while a dispute is open on the payment", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, { lines });
    const charge = (await database.prisma.payment.findUniqueOrThrow({ where: { id: order.paymentId } }))
      .latestChargeId!;
    await database.prisma.dispute.create({
      data: {
        stripeDisputeId: `du_${order.orderId.slice(0, 8)}`,
        stripeChargeId: charge,
        orderId: order.orderId,
        paymentId: order.paymentId,
        status: "needs_response",
        reason: "fraudulent",
        currency: "USD",
        amountMinor: 16_500,
      },
    });
    await expect(
      requestRefund(
        {
          orderId: order.orderId,
          amountMinor: 100,
          reasonCode: "goodwill",
          idempotencyKey: "disputed",
          requestedBy: support,
        },
        deps,
      ),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("open dispute") });
  });
});
