"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTable } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import type { OrderListRow } from "@/server/orders-workspace/list-orders";
import { orderColumns, orderTableFeatures, SORTABLE_COLUMNS } from "./order-columns";
import { OrdersFilters } from "./orders-filters";
import { nextSort, type OrdersView, readOrdersView, toOrderListQuery, writeOrdersView } from "./orders-url-state";

const NO_ROWS: OrderListRow[] = [];

function errorText(error: unknown): string {
  const data = (error as { data?: { zodIssues?: string[] | null } }).data;
  if (data?.zodIssues?.length) return data.zodIssues.join("; ");
  return error instanceof Error ? error.message : "The orders could not be loaded.";
}

/** The orders table: every filter, the sort and the page live in the URL; the server pages by keyset. */
export function OrdersTable() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const view = readOrdersView(new URLSearchParams(useSearchParams().toString()));
  const result = useQuery({
    ...trpc.orders.list.queryOptions(toOrderListQuery(view)),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const table = useTable({ features: orderTableFeatures, columns: orderColumns, data: result.data?.rows ?? NO_ROWS });
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  // Filters and sorts replace the entry (a view, not a step); pages push one, so Back returns.
  const go = (next: OrdersView, mode: "push" | "replace") => {
    const query = writeOrdersView(next).toString();
    router[mode](query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  return (
    <div className="space-y-4">
      <OrdersFilters view={view} onApply={(next) => go(next, "replace")} />
      {result.error ? <Notice tone="error">{errorText(result.error)}</Notice> : null}
      <DataTable
        label="Orders"
        busy={result.isFetching}
        rows={rows}
        empty={result.isPending ? "Loading orders…" : result.isSuccess ? "No orders match these filters." : null}
        columns={headers.map((header) => {
          const sort = SORTABLE_COLUMNS[header.column.id];
          const active = sort && view.sort === sort;
          return {
            id: header.column.id,
            className: "whitespace-nowrap tabular-nums",
            sort: active ? (view.dir === "asc" ? "ascending" : "descending") : undefined,
            header: sort ? (
              <button
                type="button"
                className="inline-flex items-center gap-1 hover:underline"
                onClick={() => go({ ...view, ...nextSort(view, sort), cursor: "" }, "replace")}
              >
                <table.FlexRender header={header} />
                <span aria-hidden="true">{active ? (view.dir === "asc" ? "▲" : "▼") : "↕"}</span>
              </button>
            ) : (
              <table.FlexRender header={header} />
            ),
            cell: (row) => {
              const cell = row.getAllCells().find((candidate) => candidate.column.id === header.column.id);
              return cell ? <table.FlexRender cell={cell} /> : null;
            },
          } satisfies TableColumn<(typeof rows)[number]>;
        })}
      />
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={!view.cursor}
          onClick={() => go({ ...view, cursor: "" }, "push")}
        >
          First page
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={!result.data?.nextCursor}
          onClick={() => go({ ...view, cursor: result.data?.nextCursor ?? "" }, "push")}
        >
          Next page
        </Button>
      </div>
    </div>
  );
}
