import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { cardBrandLabel, threeDSecureLabel } from "@/server/labels/payment-method-labels";
import { paymentStatusLabel } from "@/server/labels/staff-state-labels";
import type { OrderDetail } from "@/server/orders-workspace/get-order-detail";
import { type StripeMode, stripeDashboardUrl } from "@/server/stripe/dashboard-link";
import { moneyColumn } from "../money-column";

type OrderItem = OrderDetail["items"][number];
type PaymentAttempt = OrderDetail["payments"][number];

const ITEM_COLUMNS: TableColumn<OrderItem>[] = [
  { id: "item", header: "Item", cell: (item) => item.productName },
  { id: "quantity", header: "Qty", numeric: true, cell: (item) => item.quantity },
  moneyColumn("unit", "Unit", (item) => ({ minor: item.unitPriceMinor, currency: item.currency })),
  moneyColumn("total", "Total", (item) => ({ minor: item.lineTotalMinor, currency: item.currency })),
];

function paymentColumns(mode: StripeMode): TableColumn<PaymentAttempt>[] {
  return [
    {
      id: "paymentIntent",
      header: "Payment",
      cell: (payment) => {
        const url = stripeDashboardUrl(payment.stripePaymentIntentId, mode);
        return (
          <>
            <span className="font-medium">{paymentStatusLabel(payment.status)}</span>
            {url ? (
              <a
                className="block font-mono text-xs text-emerald-800 underline"
                href={url}
                target="_blank"
                rel="noreferrer"
              >
                {payment.stripePaymentIntentId}
                <span className="sr-only"> in the Stripe Dashboard ({mode} mode, opens a new tab)</span>
              </a>
            ) : (
              <span className="block font-mono text-xs">{payment.stripePaymentIntentId}</span>
            )}
          </>
        );
      },
    },
    {
      id: "card",
      header: "Card",
      className: "whitespace-nowrap",
      cell: (payment) =>
        payment.cardLast4 ? `${cardBrandLabel(payment.cardBrand ?? "")} •••• ${payment.cardLast4}` : "—",
    },
    {
      id: "threeDSecure",
      header: "3-D Secure",
      cell: (payment) => (payment.cardLast4 || payment.threeDSecure ? threeDSecureLabel(payment.threeDSecure) : "—"),
    },
    moneyColumn("amount", "Amount", (payment) => ({ minor: payment.amountMinor, currency: payment.currency })),
    moneyColumn("captured", "Captured", (payment) => ({
      minor: payment.amountCapturedMinor,
      currency: payment.currency,
    })),
    moneyColumn("refunded", "Refunded", (payment) => ({
      minor: payment.amountRefundedMinor,
      currency: payment.currency,
    })),
    { id: "error", header: "Last error", cell: (payment) => payment.lastPaymentError ?? "None" },
    { id: "created", header: "Created", cell: (payment) => <DateTime value={payment.createdAt} /> },
  ];
}

/** What the order bought, line by line. */
export function OrderItemsTable({ items }: { items: OrderDetail["items"] }) {
  return <DataTable label="Items of this order" density="inset" rows={items} columns={ITEM_COLUMNS} />;
}

/** Every PaymentIntent the order has had, oldest first, each linked to its page in the Stripe Dashboard. */
export function PaymentAttemptsTable({ payments, mode }: { payments: OrderDetail["payments"]; mode: StripeMode }) {
  return (
    <DataTable
      label="Payment attempts of this order"
      density="inset"
      rows={payments}
      empty="No payment attempts."
      columns={paymentColumns(mode)}
      testId="payments-table"
    />
  );
}
