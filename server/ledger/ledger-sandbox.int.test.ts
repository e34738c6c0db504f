import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox/index";
import { retrieveCharge } from "../stripe-sandbox/resources/charges";
import { openDisputeForCharge } from "../stripe-sandbox/resources/disputes";
import { accountBalances } from "./account-balances";
import { ACCOUNT } from "./chart-of-accounts";
import { orderLines } from "./order-lines";
import { applyLedgerEvent } from "./testing/apply-ledger-event";
import {
  type Delivery,
  deliver,
  deliveryArbitrary,
  everyPostingOperations,
  operationArbitrary,
} from "./testing/ledger-event-arbitraries";
import { SandboxLedgerFeed } from "./testing/sandbox-ledger-feed";
import { applySandboxOperation, type SandboxAccount, sandboxAccount } from "./testing/sandbox-operations";
import { LEDGER_EVENT_TYPES, type LedgerEvent, type Operation } from "./testing/stripe-account-model";
import { trialBalance } from "./trial-balance";

let database: TestDatabase;
let sandbox: RunningSandbox;
let account: SandboxAccount;
beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({
    port: 0,
    config: { timing: { chargeBalanceTransactionDelayMs: 0 }, payouts: { automatic: false } },
  });
  account = sandboxAccount(sandbox);
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

async function ledgerStripeBalance(currency: string) {
  const balances = await database.prisma.$transaction((tx) => accountBalances(tx, { currency }));
  const balanceOf = (code: string) => Number(balances.find((row) => row.code === code)?.balance ?? 0n);
  return { pending: balanceOf(ACCOUNT.stripePending), available: balanceOf(ACCOUNT.stripeAvailable) };
}

let run = 0;
/** A currency per run keeps each run's accounts apart, in the sandbox and in the ledger ("xaa", "xab", …). */
const nextCurrency = () => {
  const n = run++;
  return `x${String.fromCharCode(97 + (Math.floor(n / 26) % 26))}${String.fromCharCode(97 + (n % 26))}`;
};

/** Runs a sequence on the sandbox, delivers what changed to the ledger, and checks balance and Stripe equality. */
async function checkRun(operations: Operation[], delivery: Delivery): Promise<LedgerEvent[]> {
  const feed = new SandboxLedgerFeed(account.stripe, nextCurrency());
  for (const operation of operations) {
    await applySandboxOperation(account, feed.currency, operation);
    await feed.observe();
  }
  for (const event of deliver(feed.events, delivery)) {
    await database.prisma.$transaction((tx) => applyLedgerEvent(tx, event));
  }
  const trial = await database.prisma.$transaction((tx) => trialBalance(tx, { currency: feed.currency }));
  expect(trial.balanced).toBe(true);
  const unbalanced = await database.prisma.$queryRaw<unknown[]>`
    SELECT "transaction_id" FROM "ledger_lines" WHERE "currency" = ${feed.currency.toUpperCase()}
     GROUP BY "transaction_id"
    HAVING sum(CASE "direction" WHEN 'debit' THEN "amount_minor" ELSE -"amount_minor" END) <> 0`;
  expect(unbalanced).toEqual([]);
  expect(await ledgerStripeBalance(feed.currency)).toEqual(await feed.balance());
  return feed.events;
}

describe("the ledger against the Stripe sandbox", () => {
  it("a sequence reaching every posting, delivered backwards and twice, matches the sandbox's balance", async () => {
    const events = await checkRun(everyPostingOperations, {
      order: [1000, 999, 998, 997, 996, 995, 994],
      duplicated: [true],
    });
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(LEDGER_EVENT_TYPES));
  });

  it("random payments, refunds, failed refunds, disputes won and lost and payouts, posted in any order with duplicates, leave the Stripe-balance accounts equal to the sandbox's balance", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArbitrary, { minLength: 1, maxLength: 16 }),
        deliveryArbitrary,
        async (operations, delivery) => {
          await checkRun(operations, delivery);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("an order paid, partly refunded and disputed shows the expected lines by account and amount", async () => {
    const orderId = randomUUID();
    const currency = "xzz";
    const feed = new SandboxLedgerFeed(account.stripe, currency);
    const intent = await account.stripe.paymentIntents.create({
      amount: 2000,
      currency,
      payment_method: "pm_card_visa",
      confirm: true,
      metadata: { order_id: orderId },
    });
    await account.control("/clock/advance", { seconds: 3 * 86_400 });
    await account.stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    // The cardholder's bank opens a chargeback on the charge; Stripe has no API for the bank's side.
    const charge = retrieveCharge(sandbox.runtime.sb, intent.latest_charge as string);
    const dispute = openDisputeForCharge(sandbox.runtime.sb, charge, {
      status: "needs_response",
      reason: "fraudulent",
    });
    await feed.observe();
    for (const event of feed.events)
      await database.prisma.$transaction((tx) => applyLedgerEvent(tx, event, { orderId }));

    const lines = await database.prisma.$transaction((tx) => orderLines(tx, orderId));
    // Card fee on 2000: 2.9% + 30 = 88; the chargeback takes the captured amount plus a 1500 fee.
    expect(dispute.amount).toBe(2000);
    expect(lines.map((line) => [line.kind, line.accountCode, line.direction, line.amountMinor])).toEqual([
      ["payment_captured", ACCOUNT.stripePending, "debit", 1912n],
      ["payment_captured", ACCOUNT.processingFees, "debit", 88n],
      ["payment_captured", ACCOUNT.salesRevenue, "credit", 2000n],
      ["balance_available", ACCOUNT.stripeAvailable, "debit", 1912n],
      ["balance_available", ACCOUNT.stripePending, "credit", 1912n],
      ["refund_created", ACCOUNT.stripeAvailable, "credit", 500n],
      ["refund_created", ACCOUNT.refunds, "debit", 500n],
      ["dispute_funds_withdrawn", ACCOUNT.stripeAvailable, "credit", 3500n],
      ["dispute_funds_withdrawn", ACCOUNT.disputeFees, "debit", 1500n],
      ["dispute_funds_withdrawn", ACCOUNT.disputeLosses, "debit", 2000n],
    ]);
    expect(new Set(lines.map((line) => line.currency))).toEqual(new Set(["XZZ"]));
    expect(await ledgerStripeBalance(currency)).toEqual({ pending: 0, available: 1912 - 500 - 3500 });
    expect(await ledgerStripeBalance(currency)).toEqual(await feed.balance());
  });
});
