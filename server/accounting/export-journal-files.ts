import { AppError } from "../errors";
import { toDecimalString } from "../money";
import { csvField, csvRow } from "./csv-field";

/** A journal as the file exports read it: lines already in the target's (or PayOps's) accounts. */
export type ExportJournal = {
  reference: string;
  date: string;
  currency: string;
  narration: string;
  lines: {
    accountCode: string;
    accountName: string;
    direction: "debit" | "credit";
    amountMinor: bigint;
    description: string;
  }[];
};

export type ExportFormat = "quickbooks" | "xero" | "double_entry";

/** Xero's manual journal import takes at most this many lines per journal. */
export const XERO_IMPORT_MAX_LINES = 300;

function usDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${month}/${day}/${year}`;
}

function dayFirstDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * QuickBooks Online's journal entry import: Journal No., Journal Date (MM/DD/YYYY), Account Name,
 * Description, Debits, Credits, Name. Rows sharing a Journal No. are one entry and must balance.
 */
export function quickBooksJournalCsv(journals: readonly ExportJournal[]): string {
  let out = csvRow(["Journal No.", "Journal Date", "Account Name", "Description", "Debits", "Credits", "Name"]);
  for (const journal of journals) {
    for (const line of journal.lines) {
      const amount = toDecimalString(line.amountMinor, journal.currency);
      out += csvRow([
        csvField(journal.reference),
        usDate(journal.date),
        csvField(line.accountName),
        csvField(line.description || journal.narration),
        line.direction === "debit" ? amount : "",
        line.direction === "credit" ? amount : "",
        "",
      ]);
    }
  }
  return out;
}

/**
 * Xero's manual journal import: *Narration, *Date, Description, *AccountCode, *TaxRate, *Amount
 * (debits positive, credits negative) and two tracking pairs. Rows sharing Narration and Date are
 * one journal, so each narration carries the journal's reference. Dates day first (the format of
 * Xero's AU, NZ and UK organisations; a US organisation imports month first).
 */
export function xeroJournalCsv(
  journals: readonly ExportJournal[],
  options: { taxRate?: string; dateOrder?: "day_first" | "month_first" } = {},
): string {
  const taxRate = options.taxRate ?? "Tax Exempt";
  const formatDate = options.dateOrder === "month_first" ? usDate : dayFirstDate;
  let out = csvRow([
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
  for (const journal of journals) {
    if (journal.lines.length > XERO_IMPORT_MAX_LINES) {
      throw new AppError(
        "UNPROCESSABLE",
        `Journal ${journal.reference} has ${journal.lines.length} lines; Xero imports at most ${XERO_IMPORT_MAX_LINES}`,
      );
    }
    const narration = `${journal.narration} [${journal.reference}]`;
    for (const line of journal.lines) {
      const signed = line.direction === "debit" ? line.amountMinor : -line.amountMinor;
      out += csvRow([
        csvField(narration),
        formatDate(journal.date),
        csvField(line.description),
        csvField(line.accountCode),
        csvField(taxRate),
        csvField(toDecimalString(signed, journal.currency), "number"),
        "",
        "",
        "",
        "",
      ]);
    }
  }
  return out;
}

/** A plain double-entry file any ledger can read: one row per line, ISO dates, currency per row. */
export function doubleEntryCsv(journals: readonly ExportJournal[]): string {
  let out = csvRow([
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
  for (const journal of journals) {
    for (const line of journal.lines) {
      const amount = toDecimalString(line.amountMinor, journal.currency);
      out += csvRow([
        csvField(journal.reference),
        journal.date,
        csvField(journal.narration),
        csvField(line.accountCode),
        csvField(line.accountName),
        csvField(line.description),
        line.direction === "debit" ? amount : "",
        line.direction === "credit" ? amount : "",
        journal.currency,
      ]);
    }
  }
  return out;
}

export function exportJournals(format: ExportFormat, journals: readonly ExportJournal[]): string {
  if (format === "quickbooks") return quickBooksJournalCsv(journals);
  if (format === "xero") return xeroJournalCsv(journals);
  return doubleEntryCsv(journals);
}
