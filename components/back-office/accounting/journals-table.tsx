"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTable } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import type { JournalRow } from "@/server/accounting/list-journals";
import { JOURNAL_STATUS_LABELS } from "@/server/labels/accounting-labels";
import { apiErrorText } from "./api-error-text";
import { journalColumns, journalTableFeatures } from "./journal-columns";

type Status = keyof typeof JOURNAL_STATUS_LABELS;
const NO_ROWS: JournalRow[] = [];

/** A connection's journals, refreshed while the page is open, so a sync's progress shows as it happens. */
export function JournalsTable({ connectionId, canRetry }: { connectionId: string; canRetry: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | "">("");
  const journals = useQuery({
    ...trpc.accounting.journals.queryOptions({ connectionId, status: status || null }),
    placeholderData: keepPreviousData,
    refetchInterval: 2_000,
    retry: false,
  });
  const retry = useMutation(
    trpc.accounting.retry.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.accounting.pathKey() }),
    }),
  );
  const columns = useMemo(
    () =>
      journalColumns((journal) =>
        canRetry && journal.status === "failed" ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={retry.isPending}
            aria-label={`Retry journal ${journal.reference}`}
            onClick={() => retry.mutate({ connectionId, journalId: journal.id })}
          >
            Retry
          </Button>
        ) : null,
      ),
    [canRetry, connectionId, retry.isPending, retry.mutate],
  );
  const table = useTable({ features: journalTableFeatures, columns, data: journals.data?.rows ?? NO_ROWS });
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div className="space-y-3">
      <label className="block text-sm">
        Show
        <select
          className="ml-2 rounded-md border border-stone-400 px-2 py-1"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | "")}
        >
          <option value="">Every journal</option>
          {Object.entries(JOURNAL_STATUS_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      {journals.error ? (
        <Notice tone="error">{apiErrorText(journals.error, "The journals could not be loaded.")}</Notice>
      ) : null}
      {retry.error ? (
        <Notice tone="error">{apiErrorText(retry.error, "The journal could not be retried.")}</Notice>
      ) : null}
      <DataTable
        label="Journals"
        busy={journals.isFetching}
        rows={rows}
        rowTestId="journal-row"
        testId="journals-table"
        empty={journals.isPending ? "Loading journals…" : "No journal yet: the next sync builds them from the ledger."}
        columns={headers.map(
          (header) =>
            ({
              id: header.column.id,
              header: <table.FlexRender header={header} />,
              cell: (row) => {
                const cell = row.getAllCells().find((candidate) => candidate.column.id === header.column.id);
                return cell ? <table.FlexRender cell={cell} /> : null;
              },
            }) satisfies TableColumn<(typeof rows)[number]>,
        )}
      />
      {journals.data && journals.data.total > journals.data.rows.length ? (
        <p className="text-sm text-stone-700">
          The latest {journals.data.rows.length} of {journals.data.total} journals; the export holds them all.
        </p>
      ) : null}
    </div>
  );
}
