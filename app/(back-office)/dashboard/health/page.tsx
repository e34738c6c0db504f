import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { CurrentAlerts } from "@/components/back-office/health/current-alerts";
import { HealthCharts } from "@/components/back-office/health/health-charts";
import { PaymentsReport } from "@/components/back-office/health/payments-report";
import { StatCard } from "@/components/back-office/stat-card";
import { DateTime } from "@/components/ui/date-time";
import { serverCaller } from "@/server/api/server-caller";
import { merchantDateFormat } from "@/server/formatting/merchant-date-format";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Health" };

const WINDOWS = [
  { window: "day", label: "Last 24 hours" },
  { window: "month", label: "Last 30 days" },
] as const;

export default async function HealthPage({ searchParams }: { searchParams: Promise<{ window?: string }> }) {
  const { staff, allowed } = await requireStaffPage("/dashboard/health", "health.read");
  if (!allowed) return <ForbiddenNotice page="The health page" permission="health.read" role={staff.role} />;
  const window = (await searchParams).window === "month" ? "month" : "day";
  const api = await serverCaller(await headers());
  const overview = await api.health.overview({ window });
  const { now } = overview;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-stone-900">Health</h1>
        <nav aria-label="Time window" className="flex gap-2 text-sm">
          {WINDOWS.map((option) => (
            <Link
              key={option.window}
              href={`/dashboard/health?window=${option.window}`}
              aria-current={option.window === window ? "page" : undefined}
              className={`rounded-md border px-3 py-1 ${option.window === window ? "border-stone-900 bg-stone-900 text-white" : "border-stone-300 text-stone-800"}`}
            >
              {option.label}
            </Link>
          ))}
        </nav>
      </div>
      <p className="text-sm text-stone-700">
        Read from the database at <DateTime value={overview.readAt} />. Alerts are the conditions of the shipped
        Prometheus rules, judged on the database now; two of them rest on figures only Prometheus collects.
      </p>
      <section aria-labelledby="now-heading">
        <h2 id="now-heading" className="text-lg font-medium text-stone-900">
          Now
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <StatCard label="Stripe events waiting" value={<span data-testid="inbox-backlog">{now.inboxDepth}</span>} />
          <StatCard label="Oldest waiting for" value={`${Math.round(now.inboxOldestAgeSeconds)} s`} />
          <StatCard label="Calls owed to Stripe" value={now.outboxPending} />
          <StatCard
            label="Set aside after failures"
            value={now.deadLetters.stripeEvents + now.deadLetters.outboxEffects}
          />
          <StatCard label="Open disputes" value={now.disputesOpen} />
          <StatCard
            label="Nearest evidence deadline"
            value={
              now.disputeEvidenceDeadlineSeconds === null
                ? "None"
                : `${Math.round(now.disputeEvidenceDeadlineSeconds / 3600)} h`
            }
          />
        </dl>
      </section>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading" className="text-lg font-medium text-stone-900">
          Alerts
        </h2>
        <CurrentAlerts alerts={overview.alerts} />
      </section>
      <section aria-labelledby="payments-heading">
        <h2 id="payments-heading" className="text-lg font-medium text-stone-900">
          Payments
        </h2>
        <PaymentsReport payments={overview.payments} />
      </section>
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading" className="text-lg font-medium text-stone-900">
          Trends
        </h2>
        <HealthCharts series={overview.series} window={window} dateFormat={merchantDateFormat()} />
      </section>
    </div>
  );
}
