import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceTransactionLines, entersPendingBalance } from "./balance-transaction-lines";
import { ACCOUNT } from "./chart-of-accounts";
import { validateJournalEntry } from "./journal-entry";
import {
  balanceTransaction,
  chargeBalanceTransaction,
  disputeWithdrawalBalanceTransaction,
} from "./testing/test-fixtures";

const accounts = { counter: ACCOUNT.salesRevenue, fee: ACCOUNT.processingFees };

describe("balanceTransactionLines", () => {
  it("splits a pending charge into net to the pending balance, fee to fees, gross to revenue", () => {
    const charge = chargeBalanceTransaction(2000);
    expect(entersPendingBalance(charge)).toBe(true);
    expect(balanceTransactionLines(charge, accounts)).toEqual([
      { accountCode: ACCOUNT.stripePending, currency: "USD", direction: "debit", amountMinor: 1912n },
      { accountCode: ACCOUNT.processingFees, currency: "USD", direction: "debit", amountMinor: 88n },
      { accountCode: ACCOUNT.salesRevenue, currency: "USD", direction: "credit", amountMinor: 2000n },
    ]);
  });

  it("credits the available balance for a dispute withdrawal and debits loss and fee", () => {
    const withdrawal = disputeWithdrawalBalanceTransaction(2000);
    expect(balanceTransactionLines(withdrawal, { counter: ACCOUNT.disputeLosses, fee: ACCOUNT.disputeFees })).toEqual([
      { accountCode: ACCOUNT.stripeAvailable, currency: "USD", direction: "credit", amountMinor: 3500n },
      { accountCode: ACCOUNT.disputeFees, currency: "USD", direction: "debit", amountMinor: 1500n },
      { accountCode: ACCOUNT.disputeLosses, currency: "USD", direction: "debit", amountMinor: 2000n },
    ]);
  });

  it("balances for any signs of amount and fee, and never writes a zero line", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e6, max: 1e6 }), (amount, fee) => {
        fc.pre(amount !== 0 || fee !== 0);
        const lines = balanceTransactionLines(
          balanceTransaction({ amount, fee, type: "adjustment", reporting_category: "other_adjustment" }),
          accounts,
        );
        expect(lines.every((line) => line.amountMinor > 0n)).toBe(true);
        const entry = { idempotencyKey: "k", kind: "unclassified" as const, description: "d", occurredAt: new Date() };
        if (lines.length >= 2) validateJournalEntry({ ...entry, source: { stripeObjectId: "x" }, lines });
      }),
    );
  });

  it("refuses figures that do not add up or are not whole minor units", () => {
    const charge = chargeBalanceTransaction(2000);
    expect(() => balanceTransactionLines({ ...charge, net: charge.net + 1 }, accounts)).toThrow(/is not amount/);
    expect(() => balanceTransactionLines({ ...charge, amount: 20.5 }, accounts)).toThrow(/whole minor units/);
    expect(() => balanceTransactionLines({ ...charge, currency: "us dollars" }, accounts)).toThrow(/ISO currency/);
  });
});
