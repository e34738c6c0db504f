import Link from "next/link";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import type { ConnectionRow } from "@/server/accounting/list-connections";
import { connectionStatusLabel, journalModeLabel, vendorLabel } from "@/server/labels/accounting-labels";

const COLUMNS: TableColumn<ConnectionRow>[] = [
  {
    id: "vendor",
    header: "Accounting system",
    cell: (c) => (
      <Link href={`/dashboard/accounting/${c.id}`} className="font-medium text-emerald-800 underline">
        {vendorLabel(c.vendor)}
      </Link>
    ),
  },
  { id: "status", header: "Status", cell: (c) => connectionStatusLabel(c.status) },
  { id: "mode", header: "Journals", cell: (c) => journalModeLabel(c.mode) },
  { id: "lastSync", header: "Last sync", cell: (c) => <DateTime value={c.lastSyncAt} empty="Not yet" /> },
  {
    id: "problem",
    header: "Last sync's problem",
    cell: (c) => (c.lastSyncError ? <span className="text-red-900">{c.lastSyncError}</span> : "None"),
  },
  { id: "sent", header: "Sent", numeric: true, cell: (c) => c.sent },
  { id: "failed", header: "Failed", numeric: true, cell: (c) => c.failed },
  { id: "pending", header: "Waiting", numeric: true, cell: (c) => c.pending },
];

export function ConnectionsTable({ connections }: { connections: ConnectionRow[] }) {
  return (
    <DataTable
      label="Accounting connections"
      columns={COLUMNS}
      rows={connections}
      empty="No accounting system connected yet."
      testId="accounting-connections"
    />
  );
}
