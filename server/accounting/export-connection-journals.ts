import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { type ExportFormat, type ExportJournal, exportJournals } from "./export-journal-files";
import type { StoredJournalLine } from "./stored-journal-lines";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A connection's journals dated in [from, to] (YYYY-MM-DD, both included) as an import file, in
 * the target's accounts: the same journals the API received, for a bookkeeper who imports by hand
 * or an auditor who compares.
 */
export async function exportConnectionJournals(
  prisma: PrismaClient,
  input: { connectionId: string; from: string; to: string; format: ExportFormat },
): Promise<{ fileName: string; csv: string; journals: number }> {
  if (!DATE.test(input.from) || !DATE.test(input.to) || input.from > input.to) {
    throw new AppError("BAD_REQUEST", "Choose a date range as YYYY-MM-DD, the start on or before the end");
  }
  const rows = await prisma.accountingJournal.findMany({
    where: {
      connectionId: input.connectionId,
      journalDate: { gte: input.from, lte: input.to },
      status: { not: "empty" },
    },
    orderBy: [{ journalDate: "asc" }, { journalKey: "asc" }],
  });
  const journals: ExportJournal[] = rows.map((row) => ({
    reference: row.reference,
    date: row.journalDate,
    currency: row.currency,
    narration: row.narration,
    lines: (row.lines as StoredJournalLine[]).map((line) => ({
      accountCode: line.accountCode,
      accountName: line.accountName,
      direction: line.direction,
      amountMinor: BigInt(line.amountMinor),
      description: line.description,
    })),
  }));
  const suffix = input.format === "double_entry" ? "journal" : `${input.format}-journals`;
  return {
    fileName: `payops-${suffix}-${input.from}-to-${input.to}.csv`,
    csv: exportJournals(input.format, journals),
    journals: journals.length,
  };
}
