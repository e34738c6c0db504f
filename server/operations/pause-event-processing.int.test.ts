import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { readBacklog } from "../observability/read-backlog";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { createTestStaff } from "../refunds/testing/seed-paid-order";
import { startWebhookHarness, type WebhookHarness } from "../webhooks/webhook-test-harness";
import { setEventProcessingPaused } from "./pause-event-processing";

let database: TestDatabase;
let harness: WebhookHarness;

beforeAll(async () => {
  database = await createTestDatabase();
  harness = await startWebhookHarness({
    prisma: database.prisma,
    databaseUrl: database.url,
    sandboxConfig: { timing: { chargeBalanceTransactionDelayMs: 20, refundSettleDelayMs: 20 } },
  });
});
afterAll(async () => {
  await harness?.stop();
  await database?.drop();
});

async function payOrder(): Promise<string> {
  const order = await createPendingOrder(database.prisma, 2_000);
  const intent = await harness.stripe.paymentIntents.create({
    amount: 2_000,
    currency: "usd",
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
  });
  await harness.stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
  return order.id;
}

const status = async (orderId: string) =>
  (await database.prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

describe("pausing Stripe event processing", () => {
  it("keeps receiving while paused, applies nothing, and processes every waiting event on resume; both audited", async () => {
    const admin = await createTestStaff(database.prisma, "admin");
    const actor = { id: admin.id };
    await setEventProcessingPaused(database.prisma, { paused: true, reason: "database maintenance", actor });
    // Pausing twice is one pause, one audit entry.
    await setEventProcessingPaused(database.prisma, { paused: true, reason: "again", actor });

    const orderIds = [await payOrder(), await payOrder()];
    await harness.settle();
    const waiting = await readBacklog(database.prisma);
    expect(waiting.inboxDepth).toBeGreaterThanOrEqual(4);
    for (const orderId of orderIds) expect(await status(orderId)).toBe("pending_payment");

    const resumed = await setEventProcessingPaused(database.prisma, {
      paused: false,
      reason: "maintenance done",
      actor,
    });
    expect(resumed.dispatched).toBe(waiting.inboxDepth);
    await harness.settle();
    for (const orderId of orderIds) expect(await status(orderId)).toBe("paid");
    expect((await readBacklog(database.prisma)).inboxDepth).toBe(0);

    const audit = await database.prisma.auditLog.findMany({
      where: { subjectType: "pipeline" },
      orderBy: { createdAt: "asc" },
      select: { action: true, reason: true, actorId: true },
    });
    expect(audit).toEqual([
      { action: "event_processing.paused", reason: "database maintenance", actorId: admin.id },
      { action: "event_processing.resumed", reason: "maintenance done", actorId: admin.id },
    ]);
  });
});
