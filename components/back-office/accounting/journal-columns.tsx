import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { JournalRow } from "@/server/accounting/list-journals";
import { journalKindLabel, journalStatusLabel } from "@/server/labels/accounting-labels";
import { formatMoney } from "@/server/money";

export const journalTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof journalTableFeatures, JournalRow>();

const STATE_STYLE: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-950",
  failed: "bg-red-100 text-red-950",
  pending: "bg-amber-100 text-amber-950",
  empty: "bg-stone-100 text-stone-800",
};

/** The journals list: what was sent where, and what failed and why. `retry` renders the retry action. */
export function journalColumns(retry: (journal: JournalRow) => React.ReactNode) {
  return helper.columns([
    helper.accessor("journalDate", { header: "Date in the books" }),
    helper.accessor("reference", {
      header: "Journal",
      cell: (info) => (
        <Link href={`/dashboard/accounting/journals/${info.row.original.id}`} className="text-emerald-800 underline">
          <span className="font-mono">{info.getValue()}</span>
          <span className="block text-xs text-stone-700">{journalKindLabel(info.row.original.kind)}</span>
        </Link>
      ),
    }),
    helper.accessor((row) => formatMoney(row.debitMinor, row.currency), { id: "amount", header: "Debits" }),
    helper.accessor("status", {
      header: "State",
      cell: (info) => (
        <span
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[info.getValue()] ?? ""}`}
        >
          {journalStatusLabel(info.getValue())}
        </span>
      ),
    }),
    helper.accessor("targetId", {
      header: "In the accounting system",
      cell: (info) => {
        const id = info.getValue();
        const url = info.row.original.targetUrl;
        if (!id) return "—";
        return url ? (
          <a href={url} target="_blank" rel="noreferrer" className="font-mono text-emerald-800 underline">
            {id}
          </a>
        ) : (
          <span className="font-mono">{id}</span>
        );
      },
    }),
    helper.accessor("attempts", { header: "Attempts" }),
    helper.accessor("lastError", {
      header: "Last error",
      cell: (info) => {
        const row = info.row.original;
        if (row.status === "sent" || !info.getValue()) return "—";
        return (
          <span className="text-red-900">
            {info.getValue()}
            {row.nextAttemptAt ? (
              <span className="block text-xs text-stone-700">
                Tried again automatically <DateTime value={row.nextAttemptAt} />
              </span>
            ) : null}
          </span>
        );
      },
    }),
    helper.display({ id: "actions", header: "", cell: (info) => retry(info.row.original) }),
  ]);
}
