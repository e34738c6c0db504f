import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createStripeClient } from "../stripe/client";
import { controlHeaders, type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { issueRefund } from "./issue-refund";
import { listFailedRefunds, listOrderRefunds } from "./list-refunds";
import { requestRefund } from "./request-refund";
import { retrieveRefundForSync } from "./retrieve-refund-for-sync";
import { syncRefundFromStripe } from "./sync-refund-from-stripe";
import { createTestStaff, seedPaidOrder } from "./testing/seed-paid-order";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;

beforeAll(async () => {
  [database, sandbox] = await Promise.all([
    createTestDatabase(),
    startSandbox({ port: 0, config: { timing: { refundSettleDelayMs: 60_000 } } }),
  ]);
  stripe = createStripeClient({ apiUrl: sandbox.url });
});

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

/** What a refund.* webhook does for the refund: re-read it from Stripe and sync it. */
async function deliverRefundEvent(refundId: string, eventId: string) {
  const refund = await retrieveRefundForSync(stripe, refundId);
  return database.prisma.$transaction((tx) =>
    syncRefundFromStripe(tx, refund, { kind: "webhook", stripeEventId: eventId }),
  );
}

describe("refunds learnt from Stripe", () => {
  it("a refund made in the Stripe Dashboard appears on the order, attributed to the Stripe Dashboard, once", async () => {
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Linen tea towel", quantity: 2, lineTotalMinor: 3600 }],
    });
    const made = await stripe.refunds.create({
      payment_intent: order.paymentIntentId,
      amount: 1800,
      reason: "requested_by_customer",
    });
    await Promise.all([deliverRefundEvent(made.id, "evt_a"), deliverRefundEvent(made.id, "evt_b")]);

    const refunds = await listOrderRefunds(database.prisma, order.orderId);
    expect(refunds).toEqual([
      expect.objectContaining({
        amountMinor: 1800,
        source: "stripe_dashboard",
        requestedByName: "Stripe Dashboard",
        stripeRefundId: made.id,
      }),
    ]);
    const audit = await database.prisma.auditLog.findMany({ where: { subjectId: refunds[0]!.id } });
    expect(audit).toEqual([
      expect.objectContaining({ actorKind: "stripe_dashboard", action: "refund.requested", amountMinor: 1800 }),
    ]);

    // It counts against what staff may still refund.
    const support = await createTestStaff(database.prisma, "support");
    await expect(
      requestRefund(
        {
          orderId: order.orderId,
          amountMinor: 1801,
          reasonCode: "goodwill",
          idempotencyKey: "after-dashboard",
          requestedBy: support,
        },
        { prisma: database.prisma, stripe, approvalThresholdMinor: 10_000 },
      ),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("a refund that fails after succeeding is flagged failed, frees its amount and reverses the ledger", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Glass carafe", quantity: 1, lineTotalMinor: 3200 }],
    });
    const deps = { prisma: database.prisma, stripe, approvalThresholdMinor: 10_000 };
    const { refund } = await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 3200,
        reasonCode: "damaged",
        idempotencyKey: "will-fail",
        requestedBy: support,
      },
      deps,
    );
    const failed = await fetch(`${sandbox.url}/_sandbox/refunds/${refund.stripeRefundId}/fail`, {
      method: "POST",
      headers: controlHeaders(sandbox.controlToken),
      body: JSON.stringify({ reason: "expired_or_canceled_card" }),
    });
    expect(failed.status).toBe(200);
    await deliverRefundEvent(refund.stripeRefundId!, "evt_failed");
    // A late event carrying the earlier state changes nothing.
    const stale = { ...(await retrieveRefundForSync(stripe, refund.stripeRefundId!)), status: "pending" };
    await database.prisma.$transaction((tx) =>
      syncRefundFromStripe(tx, stale, { kind: "webhook", stripeEventId: "evt_late" }),
    );

    const stored = await database.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(stored).toMatchObject({ status: "failed", failureReason: "expired_or_canceled_card" });
    expect((await listFailedRefunds(database.prisma)).map((row) => row.id)).toContain(refund.id);
    const kinds = await database.prisma.ledgerTransaction.findMany({
      where: { orderId: order.orderId },
      select: { kind: true },
    });
    expect(kinds.map((entry) => entry.kind).sort()).toEqual(
      expect.arrayContaining(["refund_created", "refund_failed"]),
    );
    const again = await requestRefund(
      {
        orderId: order.orderId,
        amountMinor: 3200,
        reasonCode: "damaged",
        idempotencyKey: "second-try",
        requestedBy: support,
      },
      deps,
    );
    expect(again.created).toBe(true);
  });

  it("when Stripe cannot be reached the request answers 503 and the refund stays issuing; a retry issues it once", async () => {
    const support = await createTestStaff(database.prisma, "support");
    const order = await seedPaidOrder(database.prisma, stripe, {
      lines: [{ name: "Cedar candle", quantity: 1, lineTotalMinor: 2800 }],
    });
    const unreachable = createStripeClient({ apiUrl: "http://127.0.0.1:9" });
    await expect(
      requestRefund(
        {
          orderId: order.orderId,
          amountMinor: 1000,
          reasonCode: "goodwill",
          idempotencyKey: "offline",
          requestedBy: support,
        },
        { prisma: database.prisma, stripe: unreachable, approvalThresholdMinor: 10_000 },
      ),
    ).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    const refund = await database.prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: "offline" } });
    expect(refund).toMatchObject({ status: "issuing", stripeRefundId: null });
    expect(refund.lastIssueError).toBeTruthy();

    const deps = { prisma: database.prisma, stripe, approvalThresholdMinor: 10_000 };
    const [first, second] = await Promise.all([issueRefund(refund.id, deps), issueRefund(refund.id, deps)]);
    expect(first.stripeRefundId ?? second.stripeRefundId).toMatch(/^re_/);
    const inStripe = await stripe.refunds.list({ payment_intent: order.paymentIntentId });
    expect(inStripe.data).toHaveLength(1);
    expect(inStripe.data[0]!.metadata?.refund_id).toBe(refund.id);
  });
});
