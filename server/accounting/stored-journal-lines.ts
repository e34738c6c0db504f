import type { OutgoingJournal } from "./accounting-adapter";
import type { MappedJournalLine } from "./map-journal-accounts";

/** A journal line as stored (JSON): amounts as minor-unit strings. */
export type StoredJournalLine = {
  accountId: string;
  accountCode: string;
  accountName: string;
  payopsAccountCodes: string[];
  direction: "debit" | "credit";
  amountMinor: string;
  description: string;
};

export function storeLines(lines: readonly MappedJournalLine[]): StoredJournalLine[] {
  return lines.map((line) => ({
    accountId: line.account.id,
    accountCode: line.account.code,
    accountName: line.account.name,
    payopsAccountCodes: line.payopsAccountCodes,
    direction: line.direction,
    amountMinor: line.amountMinor.toString(),
    description: line.description,
  }));
}

export function outgoingLines(lines: readonly StoredJournalLine[]): OutgoingJournal["lines"] {
  return lines.map((line) => ({
    account: { id: line.accountId, code: line.accountCode, name: line.accountName, active: true },
    direction: line.direction,
    amountMinor: BigInt(line.amountMinor),
    description: line.description,
  }));
}
