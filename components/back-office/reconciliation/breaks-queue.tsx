"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import type { BreakFilters } from "@/server/reconciliation/break-filters";
import { breakStatusLabel, breakTypeLabel } from "@/server/reconciliation/reconciliation-labels";
import { breakAmount } from "./break-amount";

type Row = {
  id: string;
  type: string;
  status: string;
  currency: string | null;
  amountMinor: number;
  occurredAt: Date;
  summary: string;
  ownerName: string | null;
  dueAt: Date | null;
};

type Filters = BreakFilters;

/** The break queue: select differences to assign them in one go, or export what the filters show. */
export function BreaksQueue({
  rows,
  filters,
  owners,
  canResolve,
}: {
  rows: Row[];
  filters: Filters;
  owners: { id: string; name: string }[];
  canResolve: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [ownerId, setOwnerId] = useState(owners[0]?.id ?? "");
  const [dueOn, setDueOn] = useState(() => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const assign = useMutation(
    trpc.reconciliation.assign.mutationOptions({
      onSuccess: () => {
        setSelected(new Set());
        router.refresh();
      },
    }),
  );
  const exportCsv = useMutation(
    trpc.reconciliation.exportCsv.mutationOptions({
      onSuccess: ({ filename, csv }) => {
        const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
        const link = Object.assign(document.createElement("a"), { href: url, download: filename });
        link.click();
        URL.revokeObjectURL(url);
      },
    }),
  );
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns: TableColumn<Row>[] = [
    ...(canResolve
      ? [
          {
            id: "select",
            header: <span className="sr-only">Select</span>,
            cell: (row: Row) =>
              row.status === "resolved" ? null : (
                <input
                  type="checkbox"
                  aria-label={`Select ${breakTypeLabel(row.type)} of ${breakAmount(row.amountMinor, row.currency)}`}
                  checked={selected.has(row.id)}
                  onChange={() => toggle(row.id)}
                />
              ),
          },
        ]
      : []),
    {
      id: "type",
      header: "Difference",
      cell: (row) => (
        <Link className="font-medium underline" href={`/dashboard/reconciliation/breaks/${row.id}`}>
          {breakTypeLabel(row.type)}
        </Link>
      ),
    },
    { id: "amount", header: "Amount", numeric: true, cell: (row) => breakAmount(row.amountMinor, row.currency) },
    { id: "when", header: "Money moved", cell: (row) => <DateTime value={row.occurredAt} /> },
    { id: "status", header: "Status", cell: (row) => breakStatusLabel(row.status) },
    { id: "owner", header: "Owner", cell: (row) => row.ownerName ?? "—" },
    { id: "due", header: "Due", cell: (row) => (row.dueAt ? <DateTime value={row.dueAt} /> : "—") },
    { id: "summary", header: "What differs", cell: (row) => row.summary },
  ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        {canResolve ? (
          <>
            <label>
              Owner
              <select
                className="mt-1 block rounded-md border border-stone-400 px-2 py-1"
                value={ownerId}
                onChange={(event) => setOwnerId(event.target.value)}
              >
                {owners.map((owner) => (
                  <option key={owner.id} value={owner.id}>
                    {owner.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Due on
              <input
                type="date"
                className="mt-1 block rounded-md border border-stone-400 px-2 py-1"
                value={dueOn}
                onChange={(event) => setDueOn(event.target.value)}
              />
            </label>
            <Button
              disabled={selected.size === 0 || !ownerId || assign.isPending}
              onClick={() => assign.mutate({ breakIds: [...selected], ownerId, dueOn })}
            >
              Assign {selected.size || ""} selected
            </Button>
          </>
        ) : null}
        <Button variant="secondary" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate({ filters })}>
          Export CSV
        </Button>
      </div>
      {assign.error ? <Notice tone="error">{assign.error.message}</Notice> : null}
      <DataTable
        label="Reconciliation differences"
        columns={columns}
        rows={rows}
        empty="No difference matches these filters."
        testId="breaks-table"
        rowTestId="break-row"
      />
    </div>
  );
}
