import { describe, expect, it } from "vitest";
import { bankCsvMappingSchema } from "./bank-csv-mapping";
import { parseBankCsv } from "./parse-bank-csv";

const european = bankCsvMappingSchema.parse({
  date: "Buchungstag",
  dateFormat: "DD.MM.YYYY",
  amount: "Betrag",
  reference: "Verwendungszweck",
  description: "Auftraggeber",
  delimiter: ";",
  decimalSeparator: ",",
});

describe("bank CSV with a saved column mapping", () => {
  it("reads a European export: day-first dates, decimal commas, thousands dots, quoted text, a BOM", () => {
    const csv = [
      "\uFEFFBuchungstag;Betrag;Verwendungszweck;Auftraggeber",
      '03.11.2026;1.234,56;"STRIPE po_123; batch";STRIPE',
      "04.11.2026;-12,50;FEE;BANK",
      "05.11.2026;4800;;",
    ].join("\r\n");
    expect(parseBankCsv(csv, european, "EUR")).toEqual([
      {
        bookingDate: "2026-11-03",
        amountMinor: 123_456,
        currency: "EUR",
        reference: "STRIPE po_123; batch",
        description: "STRIPE",
        bankReference: null,
      },
      {
        bookingDate: "2026-11-04",
        amountMinor: -1250,
        currency: "EUR",
        reference: "FEE",
        description: "BANK",
        bankReference: null,
      },
      {
        bookingDate: "2026-11-05",
        amountMinor: 480_000,
        currency: "EUR",
        reference: null,
        description: null,
        bankReference: null,
      },
    ]);
  });

  it("reads separate credit and debit columns, a currency column and a zero-decimal currency", () => {
    const mapping = bankCsvMappingSchema.parse({
      date: "Date",
      dateFormat: "MM/DD/YYYY",
      credit: "Credit",
      debit: "Debit",
      currency: "Ccy",
    });
    const csv = 'Date,Credit,Debit,Ccy\n11/30/2026,"1,200",,jpy\n12/01/2026,,(35.00),USD\n';
    expect(
      parseBankCsv(csv, mapping, "USD").map((line) => [line.bookingDate, line.amountMinor, line.currency]),
    ).toEqual([
      ["2026-11-30", 1200, "JPY"],
      ["2026-12-01", -3500, "USD"],
    ]);
  });

  it("refuses the file with the line and the reason: an impossible date, a bad amount, a missing column", () => {
    const header = "Buchungstag;Betrag;Verwendungszweck;Auftraggeber\n";
    expect(() => parseBankCsv(`${header}31.02.2026;1,00;;`, european, "EUR")).toThrow(/Line 2: "31.02.2026"/);
    expect(() => parseBankCsv(`${header}01.02.2026;1,234;;`, european, "EUR")).toThrow(/Line 2: .*more decimals/);
    expect(() => parseBankCsv(`${header}01.02.2026;abc;;`, european, "EUR")).toThrow(/Line 2: .*not a decimal/);
    expect(() => parseBankCsv("Datum;Betrag\n01.02.2026;1,00", european, "EUR")).toThrow(/no column "Buchungstag"/);
  });

  it("a mapping names an amount column or credit and debit columns, not both", () => {
    expect(bankCsvMappingSchema.safeParse({ date: "D" }).success).toBe(false);
    expect(bankCsvMappingSchema.safeParse({ date: "D", amount: "A", credit: "C" }).success).toBe(false);
    expect(bankCsvMappingSchema.safeParse({ date: "D", credit: "C" }).success).toBe(true);
  });
});
