import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { runTransaction } from "../db/run-transaction";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { SANDBOX_SECRET_KEY } from "../stripe/client";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox";
import { prepareDisputeChange } from "./apply-dispute-change";

let database: TestDatabase;
let sandbox: RunningSandbox;
let stripe: Stripe;

beforeAll(async () => {
  database = await createTestDatabase();
  // No webhook endpoint: nothing but this test processes anything, so the dispute comes first.
  sandbox = await startSandbox({ port: 0 });
  stripe = new Stripe(SANDBOX_SECRET_KEY, {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

it("records the payment and the dispute when the dispute's event is processed before the payment's", async () => {
  const order = await createPendingOrder(database.prisma, 2_000);
  const created = await stripe.paymentIntents.create({
    amount: 2_000,
    currency: "usd",
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
  });
  await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_createDispute" });
  const [stripeDispute] = (await stripe.disputes.list({ payment_intent: created.id })).data;
  expect(stripeDispute).toBeDefined();
  expect(await database.prisma.payment.count({ where: { orderId: order.id } })).toBe(0);

  const change = await prepareDisputeChange(database.prisma, stripe, stripeDispute!.id);
  const outcome = await runTransaction(database.prisma, (tx) =>
    change(tx, { kind: "webhook", stripeEventId: "evt_dispute_first" }),
  );

  expect(outcome).toBe("applied");
  const payment = await database.prisma.payment.findUniqueOrThrow({ where: { stripePaymentIntentId: created.id } });
  expect(payment.orderId).toBe(order.id);
  const dispute = await database.prisma.dispute.findUniqueOrThrow({ where: { stripeDisputeId: stripeDispute!.id } });
  expect(dispute).toMatchObject({ orderId: order.id, paymentId: payment.id, amountMinor: 2_000 });
  const history = await database.prisma.orderStatusHistory.findMany({
    where: { orderId: order.id },
    orderBy: { createdAt: "asc" },
  });
  expect(history.map((row) => row.toStatus).at(-1)).toBe("disputed");
});
