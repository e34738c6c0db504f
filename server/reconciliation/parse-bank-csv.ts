import { parse } from "csv-parse/sync";
import { AppError } from "../errors";
import { toMinorUnits } from "../money";
import type { BankCsvMapping } from "./bank-csv-mapping";
import type { ParsedBankLine } from "./bank-statement-line";

const DATE_PATTERNS: Record<BankCsvMapping["dateFormat"], RegExp> = {
  "YYYY-MM-DD": /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/,
  "DD/MM/YYYY": /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{4})$/,
  "MM/DD/YYYY": /^(?<m>\d{2})\/(?<d>\d{2})\/(?<y>\d{4})$/,
  "DD.MM.YYYY": /^(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})$/,
};

function isoDate(text: string, format: BankCsvMapping["dateFormat"], where: string): string {
  const groups = DATE_PATTERNS[format].exec(text.trim())?.groups;
  const iso = groups ? `${groups.y}-${groups.m}-${groups.d}` : "";
  const date = new Date(`${iso}T00:00:00Z`);
  if (!groups || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new AppError("BAD_REQUEST", `${where}: "${text}" is not a date in the form ${format}`);
  }
  return iso;
}

/** "1.234,56" with a decimal comma, "1,234.56" with a decimal point, "-12.50", "(12.50)" → a plain decimal. */
function plainDecimal(text: string, separator: "." | ","): string {
  let value = text.trim().replace(/\s/g, "");
  const negative = /^\(.*\)$/.test(value);
  if (negative) value = value.slice(1, -1);
  value = separator === "," ? value.replaceAll(".", "").replace(",", ".") : value.replaceAll(",", "");
  if (value.startsWith("+")) value = value.slice(1);
  return negative ? `-${value}` : value;
}

function cell(record: Record<string, string>, name: string | undefined, where: string): string | undefined {
  if (!name) return undefined;
  if (!(name in record)) throw new AppError("BAD_REQUEST", `${where}: the file has no column "${name}"`);
  return record[name];
}

/** Reads a bank's CSV export with the account's saved mapping; any unreadable line refuses the whole file. */
export function parseBankCsv(text: string, mapping: BankCsvMapping, accountCurrency: string): ParsedBankLine[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: true,
      delimiter: mapping.delimiter,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The file is not readable CSV: ${(error as Error).message}`);
  }
  return records.map((record, index) => {
    const where = `Line ${index + 2}`;
    const currency = (cell(record, mapping.currency, where) || accountCurrency).toUpperCase();
    const amountOf = (name: string | undefined) => {
      const value = cell(record, name, where);
      if (!value) return 0;
      try {
        return toMinorUnits(plainDecimal(value, mapping.decimalSeparator), currency);
      } catch (error) {
        throw new AppError("BAD_REQUEST", `${where}: ${(error as Error).message}`);
      }
    };
    const amountMinor = mapping.amount
      ? amountOf(mapping.amount)
      : Math.abs(amountOf(mapping.credit)) - Math.abs(amountOf(mapping.debit));
    return {
      bookingDate: isoDate(cell(record, mapping.date, where) ?? "", mapping.dateFormat, where),
      amountMinor,
      currency,
      reference: cell(record, mapping.reference, where) || null,
      description: cell(record, mapping.description, where) || null,
      bankReference: null,
    };
  });
}
