import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { runTransaction } from "../db/run-transaction";
import { type AccountBalance, accountBalances } from "./account-balances";
import { applyLedgerEvent } from "./testing/apply-ledger-event";
import { deliver, deliveryArbitrary, operationArbitrary } from "./testing/ledger-event-arbitraries";
import { StripeAccountModel } from "./testing/stripe-account-model";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

let run = 0;
/** A currency per run keeps each run's accounts apart in one database ("TAA", "TAB", …). */
const nextCurrency = () => {
  const n = run++;
  return `T${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`;
};

type Raw = Pick<AccountBalance, "code" | "currency" | "debits" | "credits">;

/** The balances straight from the journal's lines: what the maintained daily totals must equal. */
async function rawBalances(currency: string, at: Date | null): Promise<Raw[]> {
  return database.prisma.$queryRaw<Raw[]>`
    SELECT a."code", a."currency",
           coalesce(sum(l."amount_minor") FILTER (WHERE l."direction" = 'debit'), 0)::bigint AS debits,
           coalesce(sum(l."amount_minor") FILTER (WHERE l."direction" = 'credit'), 0)::bigint AS credits
      FROM "ledger_accounts" a
      LEFT JOIN "ledger_lines" l ON l."account_code" = a."code" AND l."currency" = a."currency"
       AND (${at}::timestamptz IS NULL OR l."occurred_at" <= ${at}::timestamptz)
     WHERE a."currency" = ${currency}::bpchar
     GROUP BY a."code", a."currency" ORDER BY a."currency", a."code"`;
}

async function expectTotalsEqualLines(currency: string, at: Date | null): Promise<void> {
  const maintained = await database.prisma.$transaction((tx) => accountBalances(tx, { currency, at: at ?? undefined }));
  expect(maintained.map(({ code, currency, debits, credits }) => ({ code, currency, debits, credits }))).toEqual(
    await rawBalances(currency, at),
  );
}

describe("ledger_account_daily_totals", () => {
  it("after any sequence of payments, refunds, disputes and payouts, posted in any order from several connections, give the balances the lines give, at any moment", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArbitrary, { minLength: 1, maxLength: 25 }),
        deliveryArbitrary,
        fc.integer({ min: 60, max: 30 * 3600 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        async (operations, delivery, secondsPerOperation, moments) => {
          const model = new StripeAccountModel(nextCurrency(), secondsPerOperation);
          for (const operation of operations) model.apply(operation);
          const events = deliver(model.events, delivery);
          // Three writers at once, each on its own connection (and so its own shard of the totals).
          const lanes = [0, 1, 2].map((lane) => events.filter((_, index) => index % 3 === lane));
          await Promise.all(
            lanes.map(async (lane) => {
              for (const event of lane) await runTransaction(database.prisma, (tx) => applyLedgerEvent(tx, event));
            }),
          );
          const [span] = await database.prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
            SELECT min("occurred_at") AS first, max("occurred_at") AS last FROM "ledger_lines" WHERE "currency" = ${model.currency}`;
          await expectTotalsEqualLines(model.currency, null);
          if (!span?.first || !span.last) return;
          const first = span.first.getTime();
          const length = span.last.getTime() - first;
          for (const moment of moments) await expectTotalsEqualLines(model.currency, new Date(first + moment * length));
          // Exactly on a line's time, and on midnight UTC of its day, where whole days and the open day meet.
          await expectTotalsEqualLines(model.currency, span.last);
          await expectTotalsEqualLines(
            model.currency,
            new Date(Math.floor(span.last.getTime() / 86_400_000) * 86_400_000),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
