import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { Tx } from "../db/client";
import { postPaymentCaptured } from "./post-payment-captured";
import { balanceTransaction } from "./testing/test-fixtures";
import { trialBalanceQuery, trialBalanceReport } from "./trial-balance-report";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const inTx = <T>(work: (tx: Tx) => Promise<T>) => database.prisma.$transaction(work);
const capture = (amount: number, created: string, currency: string) =>
  inTx((tx) =>
    postPaymentCaptured(tx, {
      balanceTransaction: balanceTransaction({
        amount,
        fee: 100,
        type: "charge",
        reporting_category: "charge",
        currency,
        created: Math.floor(Date.parse(created) / 1000),
        available_on: Math.floor(Date.parse(created) / 1000) + 2 * 86_400,
        status: "pending",
      }),
    }),
  );
const column = (report: Awaited<ReturnType<typeof trialBalanceReport>>, code: string) => {
  const row = report.trialBalance?.rows.find((candidate) => candidate.code === code);
  return row ? { debit: row.debit, credit: row.credit } : null;
};

describe("the trial balance page's report", () => {
  it("says so when nothing was ever posted", async () => {
    expect(await trialBalanceReport(database.prisma, {})).toEqual({
      currencies: [],
      trialBalance: null,
      asOfDay: null,
    });
  });

  it("shows one currency at the end of a UTC day, the last second of that day included", async () => {
    await capture(10_000, "2026-10-01T23:59:59Z", "dkk");
    await capture(4_000, "2026-10-02T00:00:00Z", "dkk");
    await capture(999, "2026-10-01T12:00:00Z", "chf");

    const report = await trialBalanceReport(database.prisma, { currency: "DKK", asOfDay: "2026-10-01" });
    expect(report.currencies).toEqual(["CHF", "DKK"]);
    expect(report.asOfDay).toBe("2026-10-01");
    expect(column(report, "4000")).toEqual({ debit: 0n, credit: 10_000n });
    expect(report.trialBalance).toMatchObject({
      currency: "DKK",
      totalDebits: 10_000n,
      totalCredits: 10_000n,
      balanced: true,
    });

    const now = await trialBalanceReport(database.prisma, { currency: "DKK" });
    expect(now.asOfDay).toBeNull();
    expect(column(now, "4000")).toEqual({ debit: 0n, credit: 14_000n });
    expect(now.trialBalance?.totalDebits).toBe(14_000n);
  });

  it("falls back to the ledger's first currency and shows a currency never posted in as empty", async () => {
    const first = await trialBalanceReport(database.prisma, {});
    expect(first.trialBalance?.currency).toBe("CHF");
    expect(first.trialBalance?.totalCredits).toBe(999n);

    const unused = await trialBalanceReport(database.prisma, { currency: "SEK" });
    expect(unused.trialBalance).toMatchObject({ rows: [], totalDebits: 0n, balanced: true });
  });

  it("refuses a query that is not a currency and a day, with reasons", () => {
    const parsed = trialBalanceQuery.safeParse({ currency: "dollars", asOfDay: "2026-13-40" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "expected a three-letter currency code",
      "expected a date such as 2026-11-28",
    ]);
    expect(trialBalanceQuery.parse({ currency: " usd " })).toEqual({ currency: "USD" });
  });
});
