import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { bankCsvMappingSchema } from "./bank-csv-mapping";
import type { ParsedBankLine } from "./bank-statement-line";
import { parseBankCsv } from "./parse-bank-csv";
import { parseCamt053 } from "./parse-camt053";

export type BankStatementFormat = "csv" | "camt053";

export type BankStatementImportResult = {
  importId: string;
  /** The same file was imported before: nothing was added. */
  alreadyImported: boolean;
  linesRead: number;
  linesAdded: number;
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Parses a statement file for an account without storing anything (the preview before import). */
export async function parseBankStatement(
  prisma: PrismaClient,
  input: { bankAccountId: string; format: BankStatementFormat; content: string },
): Promise<ParsedBankLine[]> {
  const account = await prisma.bankAccount.findUnique({ where: { id: input.bankAccountId } });
  if (!account) throw new AppError("NOT_FOUND", "No such bank account");
  let lines: ParsedBankLine[];
  if (input.format === "csv") {
    const mapping = bankCsvMappingSchema.safeParse(account.csvMapping);
    if (!mapping.success) {
      throw new AppError("BAD_REQUEST", `Bank account "${account.name}" has no CSV column mapping saved yet`);
    }
    lines = parseBankCsv(input.content, mapping.data, account.currency);
  } else {
    lines = parseCamt053(input.content);
  }
  const foreign = lines.find((line) => line.currency !== account.currency);
  if (foreign) {
    throw new AppError(
      "BAD_REQUEST",
      `The statement has a line in ${foreign.currency}; bank account "${account.name}" is in ${account.currency}`,
    );
  }
  return lines;
}

/**
 * A key per line that is the same whichever file it arrives in: the bank's own entry reference when
 * it gives one, else a hash of the line's content and how many identical lines came before it in the file.
 */
function lineKeys(lines: ParsedBankLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    if (line.bankReference) return `ref:${line.bankReference}`;
    const content = [line.bookingDate, line.amountMinor, line.currency, line.reference ?? "", line.description ?? ""];
    const hash = sha256(JSON.stringify(content));
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `line:${hash}:${occurrence}`;
  });
}

/** Imports a statement file once: the same file again, or lines already imported from another file, add nothing. */
export async function importBankStatement(
  prisma: PrismaClient,
  input: { bankAccountId: string; format: BankStatementFormat; content: string; fileName?: string },
): Promise<BankStatementImportResult> {
  const lines = await parseBankStatement(prisma, input);
  const digest = sha256(input.content);
  const keys = lineKeys(lines);
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO "bank_statement_imports" ("id", "bank_account_id", "sha256", "format", "file_name", "lines_read", "lines_added")
      VALUES (gen_random_uuid(), ${input.bankAccountId}::uuid, ${digest}, ${input.format}, ${input.fileName ?? null}, ${lines.length}, 0)
      ON CONFLICT ("bank_account_id", "sha256") DO UPDATE SET "sha256" = EXCLUDED."sha256"
      RETURNING "id"::text AS id, (xmax = 0) AS inserted`;
    const row = inserted[0]!;
    if (!row.inserted) return { importId: row.id, alreadyImported: true, linesRead: lines.length, linesAdded: 0 };
    const added =
      lines.length === 0
        ? 0
        : await tx.$executeRaw`
      INSERT INTO "bank_statement_lines"
        ("id", "bank_account_id", "import_id", "line_key", "booking_date", "amount_minor", "currency", "reference", "description")
      SELECT gen_random_uuid(), ${input.bankAccountId}::uuid, ${row.id}::uuid, r.* FROM unnest(
        ${keys}::text[], ${lines.map((l) => l.bookingDate)}::date[], ${lines.map((l) => String(l.amountMinor))}::bigint[],
        ${lines.map((l) => l.currency)}::text[], ${lines.map((l) => l.reference)}::text[],
        ${lines.map((l) => l.description)}::text[]
      ) AS r
      ON CONFLICT ("bank_account_id", "line_key") DO NOTHING`;
    await tx.bankStatementImport.update({ where: { id: row.id }, data: { linesAdded: added } });
    return { importId: row.id, alreadyImported: false, linesRead: lines.length, linesAdded: added };
  });
}

/** Creates a bank account, or updates its currency and saved CSV mapping when the name exists. */
export async function saveBankAccount(
  prisma: PrismaClient,
  input: { name: string; currency: string; csvMapping?: unknown },
): Promise<{ id: string }> {
  const csvMapping = input.csvMapping === undefined ? undefined : bankCsvMappingSchema.parse(input.csvMapping);
  const currency = input.currency.toUpperCase();
  return prisma.bankAccount.upsert({
    where: { name: input.name },
    create: { name: input.name, currency, csvMapping },
    update: { currency, ...(csvMapping ? { csvMapping } : {}) },
    select: { id: true },
  });
}
