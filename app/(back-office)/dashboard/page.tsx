import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DailyVolumeChart } from "@/components/back-office/daily-volume-chart";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { formatPercent } from "@/components/back-office/format";
import { moneyColumn } from "@/components/back-office/money-column";
import { FailedRefundsNotice } from "@/components/back-office/refunds/failed-refunds-notice";
import { StatCard } from "@/components/back-office/stat-card";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { serverCaller } from "@/server/api/server-caller";
import { requireStaffPage } from "../back-office-access";

export const metadata: Metadata = { title: "Overview" };

type VolumeRow = { currency: string; todayMinor: number; last30DaysMinor: number };

const VOLUME_COLUMNS: TableColumn<VolumeRow>[] = [
  { id: "currency", header: "Currency", cell: (row) => row.currency },
  moneyColumn("today", "Today", (row) => ({ minor: row.todayMinor, currency: row.currency })),
  moneyColumn("last30Days", "Last 30 days", (row) => ({
    minor: row.last30DaysMinor,
    currency: row.currency,
  })),
];

export default async function OverviewPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard", "orders.read");
  if (!allowed) return <ForbiddenNotice page="The overview" permission="orders.read" role={staff.role} />;
  const api = await serverCaller(await headers());
  const [overview, failedRefunds] = await Promise.all([api.orders.overview(), api.refunds.failed()]);
  const { openDisputes } = overview;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Overview</h1>
      <FailedRefundsNotice failed={failedRefunds} />
      <section aria-labelledby="volume-heading">
        <h2 id="volume-heading" className="text-lg font-medium text-stone-900">
          Captured volume
        </h2>
        <DataTable
          label="Captured volume by currency"
          className="mt-2 max-w-xl"
          rows={overview.volume}
          rowKey={(row) => row.currency}
          empty="No captured payments in the last 30 days."
          columns={VOLUME_COLUMNS}
        />
      </section>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Payment success rate (30 days)" value={formatPercent(overview.paymentSuccessRate)} />
        <StatCard
          label="Refund rate (30 days)"
          value={formatPercent(overview.refundRate)}
          hint="Captured payments with any refund"
        />
        <StatCard
          label="Open disputes"
          value={
            <Link href="/dashboard/disputes" className="underline">
              {openDisputes.open}
            </Link>
          }
          hint={
            openDisputes.nearestDisputeId && openDisputes.nearestDeadline ? (
              <Link href={`/dashboard/disputes/${openDisputes.nearestDisputeId}`} className="underline">
                Next evidence due <DateTime value={openDisputes.nearestDeadline} />
              </Link>
            ) : (
              "No response due"
            )
          }
        />
        <StatCard
          label="Orders in review"
          value={
            <Link href="/dashboard/orders?status=in_review" className="underline">
              {overview.ordersInReview}
            </Link>
          }
        />
      </dl>
      <section aria-labelledby="chart-heading" className="space-y-3">
        <h2 id="chart-heading" className="text-lg font-medium text-stone-900">
          Daily volume
        </h2>
        {overview.volume.slice(0, 4).map((row) => (
          <DailyVolumeChart
            key={row.currency}
            currency={row.currency}
            days={overview.days}
            points={overview.dailyVolume.filter((point) => point.currency === row.currency)}
          />
        ))}
      </section>
    </div>
  );
}
