import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { OrderDisputeLinks } from "@/components/back-office/disputes/order-dispute-links";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { shortId } from "@/components/back-office/format";
import { EarlyFraudWarningNotices } from "@/components/back-office/fraud/early-fraud-warning-notices";
import { CancelOrderButton } from "@/components/back-office/order-detail/cancel-order-button";
import { DetailSection } from "@/components/back-office/order-detail/detail-section";
import {
  DisputesSection,
  LedgerSection,
  RefundsSection,
} from "@/components/back-office/order-detail/order-money-sections";
import { OrderItemsTable, PaymentAttemptsTable } from "@/components/back-office/order-detail/order-payment-tables";
import { OrderTimeline } from "@/components/back-office/order-detail/order-timeline";
import { RefundPanel } from "@/components/back-office/refunds/refund-panel";
import { DateTime } from "@/components/ui/date-time";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { serverEnv } from "@/server/env";
import { formatShippingAddressLines } from "@/server/formatting/format-address";
import { staffOrderStatusLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money";
import { UNPAID_ORDER_STATES } from "@/server/orders/cancel-unpaid-order";
import { configuredStripeMode } from "@/server/stripe/stripe-mode";
import { requireStaffPage } from "../../../back-office-access";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Order" };

export default async function OrderDetailPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const { staff, allowed } = await requireStaffPage(`/dashboard/orders/${encodeURIComponent(orderId)}`, "orders.read");
  if (!allowed) return <ForbiddenNotice page="This order" permission="orders.read" role={staff.role} />;
  const { order, customer, items, payments, timeline, refunds, disputes, ledgerLines, earlyFraudWarnings } =
    await orNotFound((await serverCaller(await headers())).orders.detail({ orderId }));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/dashboard/orders" className="text-emerald-800 underline">
          ← Orders
        </Link>
      </p>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-stone-900">
          Order <span className="font-mono">{shortId(order.id)}</span>
        </h1>
        <p className="text-sm text-stone-700">
          {staffOrderStatusLabel(order.status)} · {formatMoney(order.totalMinor, order.currency)} · created{" "}
          <DateTime value={order.createdAt} />
        </p>
        {(UNPAID_ORDER_STATES as readonly string[]).includes(order.status) &&
        roleHasPermission(staff.role, "orders.cancel") ? (
          <CancelOrderButton orderId={order.id} />
        ) : null}
      </header>
      <EarlyFraudWarningNotices warnings={earlyFraudWarnings} />
      <div className="grid gap-4 lg:grid-cols-2">
        <DetailSection id="customer-heading" title="Customer">
          <p>{customer.name ?? "—"}</p>
          <p>{customer.email}</p>
          {order.shippingLine1 ? (
            <address className="mt-2 whitespace-pre-line not-italic text-stone-700" data-testid="shipping-address">
              {formatShippingAddressLines(order).join("\n")}
            </address>
          ) : null}
        </DetailSection>
        <DetailSection id="items-heading" title="Items">
          <OrderItemsTable items={items} />
        </DetailSection>
      </div>
      <DetailSection id="payments-heading" title="Payments and attempts">
        <PaymentAttemptsTable payments={payments} mode={configuredStripeMode()} />
      </DetailSection>
      <OrderTimeline entries={timeline} traceUrlTemplate={serverEnv().TRACE_URL_TEMPLATE} />
      <div className="grid gap-4 lg:grid-cols-2">
        <RefundsSection
          refunds={refunds}
          approvalThresholdMinor={serverEnv().REFUND_APPROVAL_THRESHOLD_MINOR}
          actions={<RefundPanel orderId={order.id} canRequest={roleHasPermission(staff.role, "refunds.request")} />}
        />
        <DisputesSection disputes={disputes} actions={<OrderDisputeLinks disputes={disputes} />} />
      </div>
      {ledgerLines ? <LedgerSection lines={ledgerLines} /> : null}
    </div>
  );
}
