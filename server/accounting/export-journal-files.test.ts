import { describe, expect, it } from "vitest";
import { toMinorUnits } from "../money";
import { doubleEntryCsv, type ExportJournal, quickBooksJournalCsv, xeroJournalCsv } from "./export-journal-files";
import { parseCsv } from "./testing/parse-csv";

const journals: ExportJournal[] = [
  {
    reference: "PY-AAAA",
    date: "2026-01-07",
    currency: "USD",
    narration: "Stripe payout po_1, sales, refunds and fees",
    lines: [
      { accountCode: "1040", accountName: "Bank", direction: "debit", amountMinor: 12_505n, description: "Deposit" },
      { accountCode: "6010", accountName: "Fees: Stripe", direction: "debit", amountMinor: 495n, description: "=fees" },
      {
        accountCode: "4000",
        accountName: "Sales",
        direction: "credit",
        amountMinor: 13_000n,
        description: 'He said "hi"',
      },
    ],
  },
  {
    reference: "PY-BBBB",
    date: "2026-01-20",
    currency: "JPY",
    narration: "Stripe activity",
    lines: [
      { accountCode: "1020", accountName: "Stripe", direction: "debit", amountMinor: 4_800n, description: "net" },
      { accountCode: "4000", accountName: "Sales", direction: "credit", amountMinor: 4_800n, description: "sales" },
    ],
  },
];

/** Rows grouped by the columns the vendor's import groups a journal by. */
function groups(rows: string[][], keyOf: (row: string[]) => string) {
  const byKey = new Map<string, string[][]>();
  for (const row of rows) byKey.set(keyOf(row), [...(byKey.get(keyOf(row)) ?? []), row]);
  return [...byKey.values()];
}

describe("file exports", () => {
  it("QuickBooks: the import's columns, MM/DD/YYYY dates, one balanced entry per Journal No.", () => {
    const [header, ...rows] = parseCsv(quickBooksJournalCsv(journals));
    expect(header).toEqual(["Journal No.", "Journal Date", "Account Name", "Description", "Debits", "Credits", "Name"]);
    for (const row of rows) {
      expect(row[1]).toMatch(/^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4}$/);
      expect(Boolean(row[4]) !== Boolean(row[5])).toBe(true);
    }
    expect(rows[0]!.slice(0, 2)).toEqual(["PY-AAAA", "01/07/2026"]);
    expect(rows[1]![3]).toBe("'=fees");
    expect(rows[2]![3]).toBe('He said "hi"');
    const entries = groups(rows, (r) => r[0]!);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      const currency = entry[0]![0] === "PY-BBBB" ? "JPY" : "USD";
      const debits = entry.reduce((s, r) => s + (r[4] ? toMinorUnits(r[4], currency) : 0), 0);
      const credits = entry.reduce((s, r) => s + (r[5] ? toMinorUnits(r[5], currency) : 0), 0);
      expect(debits).toBe(credits);
    }
    expect(rows[3]![4]).toBe("4800");
  });

  it("Xero: the template's columns, signed amounts, one balanced journal per Narration and Date", () => {
    const [header, ...rows] = parseCsv(xeroJournalCsv(journals));
    expect(header).toEqual([
      "*Narration",
      "*Date",
      "Description",
      "*AccountCode",
      "*TaxRate",
      "*Amount",
      "TrackingName1",
      "TrackingOption1",
      "TrackingName2",
      "TrackingOption2",
    ]);
    expect(rows[0]!.slice(0, 2)).toEqual(["Stripe payout po_1, sales, refunds and fees [PY-AAAA]", "07/01/2026"]);
    for (const row of rows) {
      expect(row).toHaveLength(10);
      expect(row[3]!.length).toBeLessThanOrEqual(10);
      expect(row[4]).toBe("Tax Exempt");
    }
    const found = groups(rows, (r) => `${r[0]}|${r[1]}`);
    expect(found).toHaveLength(2);
    for (const journal of found) {
      const currency = journal[0]![0]!.includes("PY-BBBB") ? "JPY" : "USD";
      expect(journal.reduce((s, r) => s + toMinorUnits(r[5]!, currency), 0)).toBe(0);
      expect(journal.length).toBeLessThanOrEqual(300);
    }
    expect(rows[2]![5]).toBe("-130.00");
  });

  it("Xero refuses a journal longer than its import takes", () => {
    const long: ExportJournal = {
      ...journals[1]!,
      lines: Array.from({ length: 301 }, (_, i) => ({ ...journals[1]!.lines[i % 2]!, amountMinor: 1n })),
    };
    expect(() => xeroJournalCsv([long])).toThrow(/at most 300/);
  });

  it("double entry: ISO dates, currency per row, debits equal credits per journal", () => {
    const [header, ...rows] = parseCsv(doubleEntryCsv(journals));
    expect(header).toEqual([
      "journal",
      "date",
      "narration",
      "account_code",
      "account_name",
      "description",
      "debit",
      "credit",
      "currency",
    ]);
    for (const journal of groups(rows, (r) => r[0]!)) {
      const currency = journal[0]![8]!;
      const debit = journal.reduce((s, r) => s + (r[6] ? toMinorUnits(r[6], currency) : 0), 0);
      const credit = journal.reduce((s, r) => s + (r[7] ? toMinorUnits(r[7], currency) : 0), 0);
      expect(debit).toBe(credit);
      expect(journal[0]![1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
