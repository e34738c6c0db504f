import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { accountBalances } from "./account-balances";
import { ACCOUNT } from "./chart-of-accounts";
import { applyLedgerEvent } from "./testing/apply-ledger-event";
import {
  type Delivery,
  deliver,
  deliveryArbitrary,
  everyPostingOperations,
  operationArbitrary,
} from "./testing/ledger-event-arbitraries";
import {
  LEDGER_EVENT_TYPES,
  type LedgerEvent,
  type Operation,
  StripeAccountModel,
} from "./testing/stripe-account-model";
import { trialBalance } from "./trial-balance";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

let run = 0;
/** A currency per run keeps each run's accounts apart in one database ("QAA", "QAB", …). */
const nextCurrency = () => {
  const n = run++;
  return `Q${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`;
};

/** Applies a sequence to the model, delivers its events to the ledger, and checks balance and Stripe equality. */
async function checkRun(operations: Operation[], delivery: Delivery): Promise<LedgerEvent[]> {
  const model = new StripeAccountModel(nextCurrency());
  for (const operation of operations) model.apply(operation);
  for (const event of deliver(model.events, delivery)) {
    await database.prisma.$transaction((tx) => applyLedgerEvent(tx, event));
  }
  const unbalanced = await database.prisma.$queryRaw<unknown[]>`
    SELECT l."transaction_id" FROM "ledger_lines" l WHERE l."currency" = ${model.currency}
     GROUP BY l."transaction_id"
    HAVING sum(CASE l."direction" WHEN 'debit' THEN l."amount_minor" ELSE -l."amount_minor" END) <> 0`;
  expect(unbalanced).toEqual([]);
  const trial = await database.prisma.$transaction((tx) => trialBalance(tx, { currency: model.currency }));
  expect(trial.totalDebits - trial.totalCredits).toBe(0n);
  const balances = await database.prisma.$transaction((tx) => accountBalances(tx, { currency: model.currency }));
  const balanceOf = (code: string) => Number(balances.find((row) => row.code === code)?.balance ?? 0n);
  expect({ pending: balanceOf(ACCOUNT.stripePending), available: balanceOf(ACCOUNT.stripeAvailable) }).toEqual(
    model.balance(),
  );
  return model.events;
}

describe("ledger property", () => {
  it("a sequence reaching every posting, delivered backwards and twice, balances and matches Stripe's balance", async () => {
    const events = await checkRun(everyPostingOperations, {
      order: [1000, 999, 998, 997, 996, 995, 994],
      duplicated: [true],
    });
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(LEDGER_EVENT_TYPES));
  });

  it("any sequence of payments, refunds, disputes and payouts, delivered in any order with duplicates, balances and matches Stripe's balance", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArbitrary, { minLength: 1, maxLength: 30 }),
        deliveryArbitrary,
        async (operations, delivery) => {
          await checkRun(operations, delivery);
        },
      ),
      { numRuns: 40 },
    );
  });
});
