import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { formatMoney } from "@/server/money";
import { staffOrderStatusLabel } from "@/server/orders/order-status-labels";
import type { OrderListRow } from "@/server/orders-workspace/list-orders";
import type { OrderSort } from "@/server/orders-workspace/order-list-query";
import { formatDateTime, shortId } from "../format";

export const orderTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof orderTableFeatures, OrderListRow>();

/** Columns the server can sort by, keyed by column id. */
export const SORTABLE_COLUMNS: Record<string, OrderSort> = {
  createdAt: "created_at",
  total: "total",
  status: "status",
};

export const orderColumns = helper.columns([
  helper.accessor("id", {
    header: "Order",
    cell: (info) => (
      <Link href={`/dashboard/orders/${info.getValue()}`} className="font-mono text-emerald-800 underline">
        {shortId(info.getValue())}
      </Link>
    ),
  }),
  helper.accessor("createdAt", { header: "Created", cell: (info) => formatDateTime(info.getValue()) }),
  helper.accessor("customerEmail", { header: "Customer" }),
  helper.accessor("status", { header: "Status", cell: (info) => staffOrderStatusLabel(info.getValue()) }),
  helper.accessor((row) => formatMoney(row.totalMinor, row.currency), { id: "total", header: "Total" }),
  helper.accessor("paymentStatus", { header: "Payment", cell: (info) => info.getValue() ?? "—" }),
  helper.accessor((row) => (row.refundedMinor > 0 ? formatMoney(row.refundedMinor, row.currency) : "—"), {
    id: "refunded",
    header: "Refunded",
  }),
]);
