import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { paymentStatusLabel } from "@/server/labels/staff-state-labels";
import type { OrderDetail } from "@/server/orders-workspace/get-order-detail";
import { moneyColumn } from "../money-column";

type OrderItem = OrderDetail["items"][number];
type PaymentAttempt = OrderDetail["payments"][number];

const ITEM_COLUMNS: TableColumn<OrderItem>[] = [
  { id: "item", header: "Item", cell: (item) => item.productName },
  { id: "quantity", header: "Qty", numeric: true, cell: (item) => item.quantity },
  moneyColumn("unit", "Unit", (item) => ({ minor: item.unitPriceMinor, currency: item.currency })),
  moneyColumn("total", "Total", (item) => ({ minor: item.lineTotalMinor, currency: item.currency })),
];

const PAYMENT_COLUMNS: TableColumn<PaymentAttempt>[] = [
  {
    id: "paymentIntent",
    header: "PaymentIntent",
    className: "font-mono text-xs",
    cell: (payment) => payment.stripePaymentIntentId,
  },
  { id: "status", header: "Status", cell: (payment) => paymentStatusLabel(payment.status) },
  moneyColumn("amount", "Amount", (payment) => ({ minor: payment.amountMinor, currency: payment.currency })),
  moneyColumn("captured", "Captured", (payment) => ({
    minor: payment.amountCapturedMinor,
    currency: payment.currency,
  })),
  moneyColumn("refunded", "Refunded", (payment) => ({
    minor: payment.amountRefundedMinor,
    currency: payment.currency,
  })),
  { id: "error", header: "Last error", cell: (payment) => payment.lastPaymentError ?? "—" },
  { id: "created", header: "Created", cell: (payment) => <DateTime value={payment.createdAt} /> },
];

/** What the order bought, line by line. */
export function OrderItemsTable({ items }: { items: OrderDetail["items"] }) {
  return <DataTable label="Items of this order" density="inset" rows={items} columns={ITEM_COLUMNS} />;
}

/** Every PaymentIntent the order has had, oldest first. */
export function PaymentAttemptsTable({ payments }: { payments: OrderDetail["payments"] }) {
  return (
    <DataTable
      label="Payment attempts of this order"
      density="inset"
      rows={payments}
      empty="No payment attempts."
      columns={PAYMENT_COLUMNS}
    />
  );
}
