import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/integration/test-database";
import type { Tx } from "../db/client";
import { accountBalance } from "./account-balances";
import { accountStatement } from "./account-statement";
import { ACCOUNT } from "./chart-of-accounts";
import { postBalanceAvailable } from "./post-balance-available";
import { postPaymentCaptured } from "./post-payment-captured";
import { postRefundCreated } from "./post-refund-created";
import { balanceTransaction, madeAvailable } from "./testing/test-fixtures";
import { trialBalance } from "./trial-balance";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const inTx = <T>(work: (tx: Tx) => Promise<T>) => database.prisma.$transaction(work);
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const charge = (amount: number, created: string, availableOn: string, currency = "sek") =>
  balanceTransaction({
    amount,
    fee: 100,
    type: "charge",
    reporting_category: "charge",
    currency,
    created: at(created),
    available_on: at(availableOn),
    status: "pending",
  });

describe("ledger queries", () => {
  const first = charge(10_000, "2026-10-01T10:00:00Z", "2026-10-03T00:00:00Z");
  const second = charge(5_000, "2026-10-02T10:00:00Z", "2026-10-04T00:00:00Z");
  const refund = balanceTransaction({
    amount: -2_000,
    type: "refund",
    reporting_category: "refund",
    currency: "sek",
    created: at("2026-10-05T09:00:00Z"),
  });

  beforeAll(async () => {
    for (const bt of [first, second]) await inTx((tx) => postPaymentCaptured(tx, { balanceTransaction: bt }));
    await inTx((tx) => postBalanceAvailable(tx, { balanceTransaction: madeAvailable(first) }));
    await inTx((tx) => postBalanceAvailable(tx, { balanceTransaction: madeAvailable(second) }));
    await inTx((tx) => postRefundCreated(tx, { balanceTransaction: refund }));
    // Another currency in the same journal stays out of SEK's figures.
    await inTx((tx) =>
      postPaymentCaptured(tx, {
        balanceTransaction: charge(777, "2026-10-01T11:00:00Z", "2026-10-03T00:00:00Z", "nok"),
      }),
    );
  });

  it("give balances as they stood at a point in time", async () => {
    const pending = (iso: string) =>
      inTx((tx) => accountBalance(tx, { accountCode: ACCOUNT.stripePending, currency: "SEK", at: new Date(iso) }));
    const available = (iso: string) =>
      inTx((tx) => accountBalance(tx, { accountCode: ACCOUNT.stripeAvailable, currency: "SEK", at: new Date(iso) }));
    expect(await pending("2026-09-30T00:00:00Z")).toBe(0n);
    expect(await pending("2026-10-02T12:00:00Z")).toBe(9_900n + 4_900n);
    expect([await pending("2026-10-03T12:00:00Z"), await available("2026-10-03T12:00:00Z")]).toEqual([4_900n, 9_900n]);
    expect([await pending("2026-10-06T00:00:00Z"), await available("2026-10-06T00:00:00Z")]).toEqual([0n, 12_800n]);
  });

  it("give a trial balance per currency whose debits equal its credits", async () => {
    const sek = await inTx((tx) => trialBalance(tx, { currency: "sek" }));
    expect(sek.balanced).toBe(true);
    expect(sek.totalDebits).toBe(15_000n);
    expect(sek.rows.filter((row) => row.debit || row.credit)).toEqual([
      { code: ACCOUNT.stripeAvailable, name: "Stripe balance — available", debit: 12_800n, credit: 0n },
      { code: ACCOUNT.salesRevenue, name: "Sales revenue", debit: 0n, credit: 15_000n },
      { code: ACCOUNT.refunds, name: "Refunds (contra-revenue)", debit: 2_000n, credit: 0n },
      { code: ACCOUNT.processingFees, name: "Stripe processing fees", debit: 200n, credit: 0n },
    ]);
    const early = await inTx((tx) => trialBalance(tx, { currency: "sek", at: new Date("2026-10-01T12:00:00Z") }));
    expect([early.balanced, early.totalCredits]).toEqual([true, 10_000n]);
  });

  it("give an account statement with its opening balance and a running balance", async () => {
    const statement = await inTx((tx) =>
      accountStatement(tx, {
        accountCode: ACCOUNT.stripeAvailable,
        currency: "sek",
        from: new Date("2026-10-03T12:00:00Z"),
        to: new Date("2026-10-31T00:00:00Z"),
      }),
    );
    expect(statement.openingBalance).toBe(9_900n);
    expect(statement.lines.map((line) => [line.kind, line.direction, line.amountMinor, line.runningBalance])).toEqual([
      ["balance_available", "debit", 4_900n, 14_800n],
      ["refund_created", "credit", 2_000n, 12_800n],
    ]);
    expect(statement.closingBalance).toBe(12_800n);
    await expect(
      inTx((tx) => accountStatement(tx, { accountCode: "1234", currency: "sek", from: new Date(0), to: new Date() })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
