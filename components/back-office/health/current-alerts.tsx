import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { alertLabel } from "@/server/labels/health-labels";
import type { AlertState } from "@/server/observability/health/evaluate-alerts";

const STATE_WORDS: Record<AlertState["state"], string> = {
  firing: "Needs attention",
  quiet: "All clear",
  unknown: "Seen by Prometheus only",
};

const COLUMNS: TableColumn<AlertState>[] = [
  { id: "alert", header: "Alert", cell: (row) => alertLabel(row.alert) },
  {
    id: "state",
    header: "Now",
    cell: (row) => (
      <span className={row.state === "firing" ? "font-semibold text-red-800" : "text-stone-700"}>
        {STATE_WORDS[row.state]}
      </span>
    ),
  },
];

/** The shipped alert rules' conditions as they stand in the database now. */
export function CurrentAlerts({ alerts }: { alerts: AlertState[] }) {
  return (
    <DataTable
      label="Alerts"
      rows={alerts}
      rowKey={(row) => row.alert}
      columns={COLUMNS}
      testId="current-alerts"
      rowTestId="current-alert"
    />
  );
}
