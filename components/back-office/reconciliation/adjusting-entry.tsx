import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { breakAmount } from "./break-amount";

type Line = { id: string; accountCode: string; direction: string; amountMinor: number; currency: string };
type Entry = { id: string; description: string; occurredAt: Date; lines: Line[] };

const COLUMNS: TableColumn<Line>[] = [
  { id: "account", header: "Account", cell: (line) => line.accountCode },
  {
    id: "debit",
    header: "Debit",
    numeric: true,
    cell: (line) => (line.direction === "debit" ? breakAmount(line.amountMinor, line.currency) : ""),
  },
  {
    id: "credit",
    header: "Credit",
    numeric: true,
    cell: (line) => (line.direction === "credit" ? breakAmount(line.amountMinor, line.currency) : ""),
  },
];

/** The ledger entry that resolved a difference, line by line. */
export function AdjustingEntry({ entry }: { entry: Entry }) {
  return (
    <section aria-labelledby="entry-heading" className="space-y-2" data-testid="adjusting-entry">
      <h2 id="entry-heading" className="text-lg font-semibold text-stone-900">
        Adjusting entry in the ledger
      </h2>
      <p className="text-sm text-stone-700">
        {entry.description} · <DateTime value={entry.occurredAt} />
      </p>
      <DataTable label="Adjusting entry lines" columns={COLUMNS} rows={entry.lines} density="inset" />
    </section>
  );
}
