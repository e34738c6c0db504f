import type { JournalDraftLine } from "./journal-draft";

/**
 * Nets lines per account into one line each, on the side its balance falls: what a bookkeeper
 * expects of a summary journal. Accounts that net to zero drop out. Order follows first use, debits
 * before credits, so the same entries always give the same journal.
 */
export function netJournalLines(
  lines: readonly { accountCode: string; direction: "debit" | "credit"; amountMinor: bigint }[],
  nameOf: (accountCode: string) => string,
): JournalDraftLine[] {
  const net = new Map<string, bigint>();
  for (const line of lines) {
    const signed = line.direction === "debit" ? line.amountMinor : -line.amountMinor;
    net.set(line.accountCode, (net.get(line.accountCode) ?? 0n) + signed);
  }
  const netted: JournalDraftLine[] = [];
  for (const [accountCode, amount] of net) {
    if (amount === 0n) continue;
    netted.push({
      accountCode,
      direction: amount > 0n ? "debit" : "credit",
      amountMinor: amount > 0n ? amount : -amount,
      description: nameOf(accountCode),
    });
  }
  return [...netted.filter((l) => l.direction === "debit"), ...netted.filter((l) => l.direction === "credit")];
}

/** Debits minus credits of a journal's lines: zero for every journal PayOps sends. */
export function journalImbalance(lines: readonly { direction: "debit" | "credit"; amountMinor: bigint }[]): bigint {
  return lines.reduce((sum, line) => sum + (line.direction === "debit" ? line.amountMinor : -line.amountMinor), 0n);
}
