import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import { ACCOUNT } from "./chart-of-accounts";
import { postEntry } from "./post-entry";
import { postPaymentCaptured } from "./post-payment-captured";
import { chargeBalanceTransaction, orderId } from "./testing/test-fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const balancedEntry = (key: string) => ({
  idempotencyKey: key,
  kind: "unclassified" as const,
  description: "Test entry",
  occurredAt: new Date(),
  source: { stripeObjectId: `ch_${key}` },
  lines: [
    { accountCode: ACCOUNT.stripePending, currency: "USD", direction: "debit" as const, amountMinor: 500n },
    { accountCode: ACCOUNT.salesRevenue, currency: "USD", direction: "credit" as const, amountMinor: 500n },
  ],
});

async function postedTransaction(key: string): Promise<{ id: string; occurredAt: Date }> {
  const result = await database.prisma.$transaction((tx) => postEntry(tx, balancedEntry(key)));
  const [row] = await database.prisma.$queryRaw<{ id: string; occurredAt: Date }[]>`
    SELECT "id"::text AS id, "occurred_at" AS "occurredAt" FROM "ledger_transactions" WHERE "id" = ${result.transactionId}::uuid`;
  return row!;
}

async function countRows(key: string) {
  const [row] = await database.prisma.$queryRaw<{ entries: bigint; lines: bigint }[]>`
    SELECT count(DISTINCT t."id") AS entries, count(l."id") AS lines
      FROM "ledger_transactions" t LEFT JOIN "ledger_lines" l ON l."transaction_id" = t."id"
     WHERE t."idempotency_key" = ${key}`;
  return { entries: Number(row!.entries), lines: Number(row!.lines) };
}

describe("postEntry writes", () => {
  it("amounts beyond 2^53 exactly, and every source field", async () => {
    const huge = 9_007_199_254_740_993n;
    const source = {
      stripeBalanceTransactionId: "txn_exact",
      stripeObjectId: "ch_exact",
      stripePaymentIntentId: "pi_exact",
      stripeEventId: "evt_exact",
      orderId: "5b1f8a0e-4a8e-4c1e-9d36-8f0c2a7e1b11",
      staffUserId: "0d7c3a52-1f0a-4f4e-8a55-3c1d2b9e6f22",
    };
    const occurredAt = new Date("2026-03-04T05:06:07.089Z");
    const entry = { ...balancedEntry("exact"), occurredAt, source, description: 'Quotes " and \\ and ünïcode' };
    entry.lines = entry.lines.map((line) => ({ ...line, currency: "JPY", amountMinor: huge }));
    const { transactionId } = await database.prisma.$transaction((tx) => postEntry(tx, entry));
    const [row] = await database.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT "stripe_balance_transaction_id", "stripe_object_id", "stripe_payment_intent_id", "stripe_event_id",
             "order_id"::text, "staff_user_id"::text, t."occurred_at", "description",
             array_agg(l."amount_minor"::text ORDER BY l."id") AS amounts, array_agg(l."currency" ORDER BY l."id") AS currencies
        FROM "ledger_transactions" t JOIN "ledger_lines" l ON l."transaction_id" = t."id"
       WHERE t."id" = ${transactionId}::uuid GROUP BY t."id"`;
    expect(row).toEqual({
      stripe_balance_transaction_id: "txn_exact",
      stripe_object_id: "ch_exact",
      stripe_payment_intent_id: "pi_exact",
      stripe_event_id: "evt_exact",
      order_id: source.orderId,
      staff_user_id: source.staffUserId,
      occurred_at: occurredAt,
      description: 'Quotes " and \\ and ünïcode',
      amounts: [huge.toString(), huge.toString()],
      currencies: ["JPY", "JPY"],
    });
  });
});

describe("the database refuses", () => {
  it("an unbalanced transaction, at commit, whatever code wrote it", async () => {
    const write = database.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
        VALUES (gen_random_uuid(), '1010', 'USD', 'Stripe balance — pending', 'asset', 'debit'),
               (gen_random_uuid(), '4000', 'USD', 'Sales revenue', 'revenue', 'credit')
        ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`
        WITH t AS (INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at", "stripe_object_id")
                   VALUES (gen_random_uuid(), 'raw-unbalanced', 'unclassified', 'Unbalanced', now(), 'ch_raw') RETURNING "id", "occurred_at")
        INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
        SELECT t."id", t."occurred_at", v.code, 'USD', v.direction::"LedgerDirection", v.amount
          FROM t, (VALUES ('1010', 'debit', 1000), ('4000', 'credit', 999)) AS v(code, direction, amount)`;
    });
    await expect(write).rejects.toThrow(/does not balance in USD: debits exceed credits by 1/);
    expect(await countRows("raw-unbalanced")).toEqual({ entries: 0, lines: 0 });
  });

  it("a transaction balanced in total but not per currency", async () => {
    const write = database.prisma.$transaction(async (tx) => {
      await postEntry(tx, balancedEntry("currency-ok"));
      await tx.$executeRaw`SELECT 1`;
      // Bypasses postEntry's own check to reach the database's: 500 USD against 500 EUR.
      await tx.$executeRaw`INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
        VALUES (gen_random_uuid(), '4000', 'EUR', 'Sales revenue', 'revenue', 'credit') ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`
        WITH t AS (INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at", "stripe_object_id")
                   VALUES (gen_random_uuid(), 'raw-mixed', 'unclassified', 'Mixed', now(), 'ch_mixed') RETURNING "id", "occurred_at")
        INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
        SELECT t."id", t."occurred_at", v.code, v.currency, v.direction::"LedgerDirection", v.amount
          FROM t, (VALUES ('1010', 'USD', 'debit', 500), ('4000', 'EUR', 'credit', 500)) AS v(code, currency, direction, amount)`;
    });
    await expect(write).rejects.toThrow(/does not balance in (USD|EUR)/);
    expect(await countRows("currency-ok")).toEqual({ entries: 0, lines: 0 });
  });

  it("a transaction without lines", async () => {
    const write = database.prisma.$executeRaw`
      INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at", "stripe_object_id")
      VALUES (gen_random_uuid(), 'raw-empty', 'unclassified', 'Empty', now(), 'ch_empty')`;
    await expect(write).rejects.toThrow(/has no lines/);
  });

  it("an update or a delete of a posted line, or of its transaction, or emptying the tables", async () => {
    const { id } = await postedTransaction("immutable");
    const attempts = [
      database.prisma.$executeRaw`UPDATE "ledger_lines" SET "amount_minor" = 1 WHERE "transaction_id" = ${id}::uuid`,
      database.prisma.$executeRaw`DELETE FROM "ledger_lines" WHERE "transaction_id" = ${id}::uuid`,
      database.prisma.$executeRaw`UPDATE "ledger_transactions" SET "description" = 'changed' WHERE "id" = ${id}::uuid`,
      database.prisma.$executeRaw`DELETE FROM "ledger_transactions" WHERE "id" = ${id}::uuid`,
      database.prisma.$executeRaw`TRUNCATE "ledger_lines", "ledger_transactions"`,
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(/append-only/);
    expect(await countRows("immutable")).toEqual({ entries: 1, lines: 2 });
  });

  it("lines added later to a posted transaction, even balanced ones", async () => {
    const { id, occurredAt } = await postedTransaction("no-growth");
    const write = database.prisma.$executeRaw`
      INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
      VALUES (${id}::uuid, ${occurredAt}, '1010', 'USD', 'debit', 100), (${id}::uuid, ${occurredAt}, '4000', 'USD', 'credit', 100)`;
    await expect(write).rejects.toThrow(/already posted/);
    expect(await countRows("no-growth")).toEqual({ entries: 1, lines: 2 });
  });

  it("a line added, in the transaction that posted the entry, that unbalances it", async () => {
    const write = database.prisma.$transaction(async (tx) => {
      const { transactionId } = await postEntry(tx, balancedEntry("grows-before-commit"));
      await tx.$executeRaw`
        INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
        SELECT "id", "occurred_at", '1010', 'USD', 'debit', 7 FROM "ledger_transactions" WHERE "id" = ${transactionId}::uuid`;
    });
    await expect(write).rejects.toThrow(/does not balance in USD: debits exceed credits by 7/);
    expect(await countRows("grows-before-commit")).toEqual({ entries: 0, lines: 0 });
  });

  it("a statement that writes lines for a new entry and slips one into a posted entry", async () => {
    const posted = await postedTransaction("posted-target");
    const write = database.prisma.$executeRaw`
      WITH t AS (INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at", "stripe_object_id")
                 VALUES (gen_random_uuid(), 'raw-smuggler', 'unclassified', 'Smuggler', ${posted.occurredAt}, 'ch_smuggler')
                 RETURNING "id", "occurred_at")
      INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
      SELECT t."id", t."occurred_at", '1010', 'USD', 'debit'::"LedgerDirection", 100 FROM t
      UNION ALL SELECT t."id", t."occurred_at", '4000', 'USD', 'credit'::"LedgerDirection", 50 FROM t
      UNION ALL SELECT ${posted.id}::uuid, ${posted.occurredAt}, '4000', 'USD', 'credit'::"LedgerDirection", 50`;
    await expect(write).rejects.toThrow(new RegExp(`ledger transaction ${posted.id} is already posted`));
    expect(await countRows("raw-smuggler")).toEqual({ entries: 0, lines: 0 });
    expect(await countRows("posted-target")).toEqual({ entries: 1, lines: 2 });
  });

  it("a zero or negative amount, and a line in an account of another currency", async () => {
    const { id, occurredAt } = await postedTransaction("line-shape");
    await expect(
      database.prisma
        .$executeRaw`INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
        VALUES (${id}::uuid, ${occurredAt}, '1010', 'USD', 'debit', 0)`,
    ).rejects.toThrow(/ledger_lines_amount_positive/);
    await expect(
      database.prisma
        .$executeRaw`INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
        VALUES (${id}::uuid, ${occurredAt}, '1010', 'GBP', 'debit', 10)`,
    ).rejects.toThrow(/ledger_lines_account_code_currency_fkey|Foreign key/i);
  });

  it("a second posting of the same source: posting twice, or concurrently, posts once", async () => {
    const charge = chargeBalanceTransaction(2000);
    const input = { balanceTransaction: charge, orderId: orderId() };
    const first = await database.prisma.$transaction((tx) => postPaymentCaptured(tx, input));
    const again = await database.prisma.$transaction((tx) => postPaymentCaptured(tx, input));
    expect(first.entry.posted).toBe(true);
    expect(again.entry).toEqual({ ...first.entry, posted: false });

    const racing = chargeBalanceTransaction(3000);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        database.prisma.$transaction((tx) => postPaymentCaptured(tx, { balanceTransaction: racing })),
      ),
    );
    expect(results.filter((result) => result.entry.posted)).toHaveLength(1);
    expect(new Set(results.map((result) => result.entry.transactionId)).size).toBe(1);
    expect(await countRows(`${charge.id}:captured`)).toEqual({ entries: 1, lines: 3 });
    expect(await countRows(`${racing.id}:captured`)).toEqual({ entries: 1, lines: 3 });
  });

  it("and postEntry refuses an unbalanced entry before it reaches the database, with a clear error", async () => {
    const entry = balancedEntry("unbalanced-in-code");
    entry.lines[1]!.amountMinor = 499n;
    await expect(database.prisma.$transaction((tx) => postEntry(tx, entry))).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/does not balance in USD/),
    });
  });
});
