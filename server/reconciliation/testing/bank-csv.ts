// Test support: a bank's CSV export in a European layout (semicolons, day first, decimal comma).
import { toDecimalString } from "../../money";

export const EUROPEAN_BANK_MAPPING = {
  date: "Buchungstag",
  dateFormat: "DD.MM.YYYY",
  amount: "Betrag",
  reference: "Verwendungszweck",
  description: "Auftraggeber",
  delimiter: ";",
  decimalSeparator: ",",
} as const;

export type BankCsvLine = { date: Date; amountMinor: number; currency: string; reference: string; party: string };

const day = (date: Date) => {
  const iso = date.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
};

export function europeanBankCsv(lines: BankCsvLine[]): string {
  const rows = lines.map((line) => {
    const amount = toDecimalString(line.amountMinor, line.currency).replace(".", ",");
    return [day(line.date), amount, `"${line.reference}"`, `"${line.party}"`].join(";");
  });
  return ["Buchungstag;Betrag;Verwendungszweck;Auftraggeber", ...rows].join("\n");
}
