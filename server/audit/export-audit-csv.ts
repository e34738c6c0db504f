import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { toDecimalString } from "../money";
import type { AuditFilters } from "./audit-filters";
import { type AuditEntry, listAuditEntries } from "./list-audit-entries";

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const COLUMNS = [
  "created_at",
  "actor_kind",
  "actor_email",
  "action",
  "subject_type",
  "subject_id",
  "amount",
  "amount_minor",
  "currency",
  "reason",
  "before",
  "after",
] as const;

/**
 * RFC 4180 quoting, plus a leading apostrophe on cells a spreadsheet would run as a formula
 * (a reason typed as "=HYPERLINK(…)" must stay text when finance opens the file).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditEntryToCsvRow(entry: AuditEntry): string {
  const amount =
    entry.amountMinor !== null && entry.currency ? toDecimalString(entry.amountMinor, entry.currency) : null;
  const cells = [
    entry.createdAt.toISOString(),
    entry.actorKind,
    entry.actorEmail,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    amount,
    entry.amountMinor,
    entry.currency,
    entry.reason,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
  ];
  return cells.map(csvCell).join(",");
}

/** The filtered audit log as CSV text, newest first; refuses exports too large to build in one request. */
export async function exportAuditCsv(
  prisma: PrismaClient,
  filters: AuditFilters,
): Promise<{ csv: string; rows: number }> {
  const lines = [COLUMNS.join(",")];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listAuditEntries>> = await listAuditEntries(prisma, {
      filters,
      cursor,
      limit: 5_000,
    });
    for (const entry of page.entries) lines.push(auditEntryToCsvRow(entry));
    if (lines.length - 1 > AUDIT_EXPORT_MAX_ROWS) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `More than ${AUDIT_EXPORT_MAX_ROWS} audit rows match; narrow the date range and export again`,
      );
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { csv: `${lines.join("\r\n")}\r\n`, rows: lines.length - 1 };
}
