import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { paymentStatusLabel, staffOrderStatusLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money";
import type { OrderListRow } from "@/server/orders-workspace/list-orders";
import type { OrderSort } from "@/server/orders-workspace/order-list-query";
import { shortId } from "../format";

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
  helper.accessor("createdAt", { header: "Created", cell: (info) => <DateTime value={info.getValue()} /> }),
  helper.accessor("customerEmail", { header: "Customer" }),
  helper.accessor("status", {
    header: "Order status",
    cell: (info) => (
      <span className="inline-flex rounded-full bg-stone-900 px-2 py-0.5 text-xs font-medium text-white">
        {staffOrderStatusLabel(info.getValue())}
      </span>
    ),
  }),
  helper.accessor((row) => formatMoney(row.totalMinor, row.currency), { id: "total", header: "Total" }),
  helper.accessor("paymentStatus", {
    header: "Payment",
    cell: (info) => {
      const status = info.getValue();
      // The payment's state is Stripe's, the order's is ours: a plain outline keeps them apart.
      return status ? (
        <span className="inline-flex rounded-full border border-stone-400 px-2 py-0.5 text-xs text-stone-800">
          {paymentStatusLabel(status)}
        </span>
      ) : (
        "—"
      );
    },
  }),
  helper.accessor((row) => (row.refundedMinor > 0 ? formatMoney(row.refundedMinor, row.currency) : "—"), {
    id: "refunded",
    header: "Refunded",
  }),
]);
