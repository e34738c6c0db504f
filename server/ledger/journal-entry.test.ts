import { describe, expect, it } from "vitest";
import { ACCOUNT } from "./chart-of-accounts";
import { type JournalEntry, signedLine, validateJournalEntry } from "./journal-entry";

const entry = (
  lines: JournalEntry["lines"],
  source: JournalEntry["source"] = { stripeObjectId: "ch_1" },
): JournalEntry => ({
  idempotencyKey: "txn_1:captured",
  kind: "payment_captured",
  description: "Payment",
  occurredAt: new Date("2026-11-01T00:00:00Z"),
  source,
  lines,
});

describe("validateJournalEntry", () => {
  it("accepts a balanced entry and normalises currencies to upper case", () => {
    const valid = validateJournalEntry(
      entry([...signedLine("1010", "usd", 100n), ...signedLine("4000", "usd", -100n)]),
    );
    expect(valid.lines.map((line) => line.currency)).toEqual(["USD", "USD"]);
  });

  it("refuses an entry that balances in total but not within each currency", () => {
    const lines = [
      ...signedLine(ACCOUNT.stripePending, "usd", 100n),
      ...signedLine(ACCOUNT.salesRevenue, "eur", -100n),
    ];
    expect(() => validateJournalEntry(entry(lines))).toThrow(/does not balance in USD/);
  });

  it("refuses non-positive amounts, a single line, no source and a malformed order id, as 4xx errors", () => {
    const zero = [
      { accountCode: "1010", currency: "USD", direction: "debit" as const, amountMinor: 0n },
      { accountCode: "4000", currency: "USD", direction: "credit" as const, amountMinor: 0n },
    ];
    expect(() => validateJournalEntry(entry(zero))).toThrow(/positive/);
    expect(() => validateJournalEntry(entry(signedLine("1010", "USD", 5n)))).toThrow(/two lines/);
    const balanced = [...signedLine("1010", "USD", 5n), ...signedLine("4000", "USD", -5n)];
    expect(() => validateJournalEntry(entry(balanced, {}))).toThrow(/no source/);
    expect(() => validateJournalEntry(entry(balanced, { orderId: "order-42" }))).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
  });
});
