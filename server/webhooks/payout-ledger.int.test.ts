import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { createPendingOrder } from "../orders/order-test-fixtures";
import { controlHeaders } from "../stripe-sandbox";
import { startWebhookHarness, type WebhookHarness } from "./webhook-test-harness";

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

async function control(path: string, body: unknown = {}) {
  const response = await fetch(`${harness.sandbox.url}/_sandbox${path}`, {
    method: "POST",
    headers: controlHeaders(harness.sandbox.controlToken),
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

async function linesOf(payoutId: string) {
  const transactions = await database.prisma.ledgerTransaction.findMany({
    where: { stripeObjectId: payoutId },
    include: { lines: { include: { account: true } } },
    orderBy: { postedAt: "asc" },
  });
  return transactions.map((transaction) => ({
    kind: transaction.kind,
    lines: transaction.lines.map((line) => `${line.direction} ${line.account.code} ${line.amountMinor}`).sort(),
  }));
}

describe("payouts through the webhook pipeline", () => {
  it("post the payout leaving the Stripe balance, then arriving in the bank, once each", async () => {
    const order = await createPendingOrder(database.prisma, 5_000);
    await harness.stripe.paymentIntents.create({
      amount: 5_000,
      currency: "usd",
      metadata: { order_id: order.id },
      payment_method: "pm_card_bypassPending",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    await harness.settle();

    const run = (await control("/payouts/run")) as { payouts: { id: string; amount: number }[] };
    const payout = run.payouts[0]!;
    // 5,000 less 2.9% + 30 (175) is what the payout carries.
    expect(payout.amount).toBe(4_825);
    await harness.settle();
    expect(await linesOf(payout.id)).toEqual([
      { kind: "payout_created", lines: ["credit 1020 4825", "debit 1030 4825"] },
    ]);

    await control("/clock/advance", { seconds: 3 * 86_400 });
    await harness.settle();
    expect(await linesOf(payout.id)).toEqual([
      { kind: "payout_created", lines: ["credit 1020 4825", "debit 1030 4825"] },
      { kind: "payout_paid", lines: ["credit 1030 4825", "debit 1040 4825"] },
    ]);

    const events = await database.prisma.stripeEvent.findMany({ where: { type: { startsWith: "payout." } } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((event) => event.processedAt !== null && event.lastError === null)).toBe(true);
  });

  it("moves a card payment's funds from pending to available before they leave in a payout", async () => {
    const order = await createPendingOrder(database.prisma, 3_000);
    const intent = await harness.stripe.paymentIntents.create({
      amount: 3_000,
      currency: "usd",
      metadata: { order_id: order.id },
      payment_method: "pm_card_visa",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    await harness.settle();
    const charge = await harness.stripe.charges.retrieve(intent.latest_charge as string);
    const balanceTransactionId = charge.balance_transaction as string;
    const kindsOf = async () =>
      (
        await database.prisma.ledgerTransaction.findMany({
          where: { stripeBalanceTransactionId: balanceTransactionId },
          orderBy: { postedAt: "asc" },
        })
      ).map((transaction) => transaction.kind);
    expect(await kindsOf()).toEqual(["payment_captured"]);

    // Two days to become available, then the daily automatic payout carries it.
    await control("/clock/advance", { seconds: 3 * 86_400 });
    await harness.settle();
    expect(await kindsOf()).toEqual(["payment_captured", "balance_available"]);
    const [pending] = await database.prisma.$queryRaw<{ balance: bigint }[]>`
      SELECT coalesce(sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END), 0) AS balance
      FROM ledger_lines WHERE account_code = '1010' AND currency = 'USD'`;
    expect(Number(pending!.balance)).toBe(0);
  });
});
