import type { PrismaClient } from "../db/client";
import { toDecimalString } from "../money";
import type { BreakFilters } from "./break-filters";
import { BREAK_TYPES, type BreakType } from "./break-types";
import { listBreaks } from "./list-breaks";

const cell = (value: string) => {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The filtered break queue as CSV, read page by page so an export of any size stays small in memory. */
export async function exportBreaksCsv(prisma: PrismaClient, filters: BreakFilters): Promise<string> {
  const lines = ["Difference,Status,Occurred (UTC),Currency,Amount,Stripe reference,Owner,Due,Summary"];
  let cursor: string | undefined;
  for (;;) {
    const page = await listBreaks(prisma, { ...filters, cursor, limit: 500 });
    for (const row of page.rows) {
      lines.push(
        [
          BREAK_TYPES[row.type as BreakType]?.label ?? row.type,
          row.status,
          row.occurredAt.toISOString(),
          row.currency ?? "",
          row.currency ? toDecimalString(row.amountMinor, row.currency) : String(row.amountMinor),
          row.stripeReference ?? "",
          row.ownerName ?? "",
          row.dueAt?.toISOString().slice(0, 10) ?? "",
          row.summary,
        ]
          .map(cell)
          .join(","),
      );
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return `${lines.join("\n")}\n`;
}
