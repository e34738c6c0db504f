import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { type RunningSandbox, startSandbox } from "../stripe-sandbox/index";
import { importBankStatement, saveBankAccount } from "./import-bank-statement";
import { runReconciliation } from "./run-reconciliation";
import { stripeListSide } from "./stripe-list-side";
import { EUROPEAN_BANK_MAPPING, europeanBankCsv } from "./testing/bank-csv";
import { PayopsFeed } from "./testing/payops-feed";
import { amountFor, DAY, paidPayoutsArriving, pay, type SandboxClient, sandboxClient } from "./testing/sandbox-month";

const CURRENCY = "usd";
const DAYS = 28;
const PAYMENTS_PER_DAY = 322;
const REFUNDS_PER_DAY = 35;

let database: TestDatabase;
let sandbox: RunningSandbox;
let client: SandboxClient;
let from: Date;
let to: Date;

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map(work))));
  }
  return results;
}

beforeAll(async () => {
  database = await createTestDatabase();
  sandbox = await startSandbox({
    port: 0,
    config: { timing: { chargeBalanceTransactionDelayMs: 0, refundSettleDelayMs: 0 } },
  });
  client = sandboxClient(sandbox);
  const start = await client.nowSeconds();
  from = new Date(Math.floor(start / DAY) * DAY * 1000);
  to = new Date(from.getTime() + DAYS * DAY * 1000);
  const numbers = (count: number) => Array.from({ length: count }, (_, n) => n);
  for (let day = 0; day < DAYS; day++) {
    const intents = await inParallel(numbers(PAYMENTS_PER_DAY), 8, (n) => pay(client, amountFor(day, n), CURRENCY));
    await inParallel(numbers(REFUNDS_PER_DAY), 8, (n) =>
      client.stripe.refunds.create({ payment_intent: intents[n * 3]!.id, amount: 100 + n }),
    );
    await client.control("/clock/advance", { seconds: DAY });
  }
  await client.control("/clock/advance", { seconds: 5 * DAY });
  await new PayopsFeed(client.stripe, CURRENCY, database.prisma).sync();
  const payouts = await paidPayoutsArriving(client, CURRENCY, from.getTime() / 1000, to.getTime() / 1000);
  const account = await saveBankAccount(database.prisma, {
    name: "Operating USD",
    currency: "USD",
    csvMapping: EUROPEAN_BANK_MAPPING,
  });
  await importBankStatement(database.prisma, {
    bankAccountId: account.id,
    format: "csv",
    content: europeanBankCsv(
      payouts.map((payout) => ({
        date: new Date(payout.arrival_date * 1000),
        amountMinor: payout.amount,
        currency: "USD",
        reference: "STRIPE PAYOUT",
        party: "STRIPE",
      })),
    ),
  });
}, 600_000);

afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
});

describe("a clean month", () => {
  it("of 10,000 balance transactions gives zero breaks", async () => {
    const summary = await runReconciliation(
      { prisma: database.prisma, stripeSide: stripeListSide(client.stripe) },
      { from, to, asOf: new Date((await client.nowSeconds()) * 1000), trigger: "command" },
    );
    expect(summary.rowsRead.balanceTransactions).toBeGreaterThanOrEqual(10_000);
    expect(summary.rowsRead.payoutTransactions).toBeGreaterThan(9_000);
    expect(summary.legs).toEqual([1, 2, 3]);
    expect(summary.breaks).toEqual({});
    expect(summary.timing).toBe(0);
    expect(await database.prisma.reconciliationBreak.count()).toBe(0);
  }, 300_000);
});
