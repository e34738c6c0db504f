import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { breakAmount } from "@/components/back-office/reconciliation/break-amount";
import { BreaksByAgeChart } from "@/components/back-office/reconciliation/breaks-by-age-chart";
import { LiveRuns } from "@/components/back-office/reconciliation/live-runs";
import { StatCard } from "@/components/back-office/stat-card";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Reconciliation" };

export default async function ReconciliationPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/reconciliation", "reconciliation.read");
  if (!allowed) return <ForbiddenNotice page="Reconciliation" permission="reconciliation.read" role={staff.role} />;
  const overview = await (await serverCaller(await headers())).reconciliation.overview();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-stone-900">Reconciliation</h1>
        <div className="flex gap-4">
          <Link className="text-sm font-medium text-emerald-800 underline" href="/dashboard/reconciliation/breaks">
            Work the differences
          </Link>
          <Link className="text-sm font-medium text-emerald-800 underline" href="/dashboard/reconciliation/bank">
            Bank statements
          </Link>
        </div>
      </div>
      <p className="text-sm text-stone-700">
        Every payment, refund and dispute PayOps recorded, against Stripe&apos;s balance transactions, the payouts that
        carried them and the bank statement lines that received them.
      </p>
      <section aria-labelledby="unreconciled-heading" className="space-y-2">
        <h2 id="unreconciled-heading" className="text-lg font-semibold text-stone-900">
          Not yet reconciled
        </h2>
        {overview.unreconciled.length === 0 ? (
          <p className="text-sm text-stone-700">Everything reconciled.</p>
        ) : (
          <dl className="grid gap-3 sm:grid-cols-3">
            {overview.unreconciled.map((row) => (
              <StatCard
                key={row.currency}
                label={row.currency}
                value={breakAmount(row.amountMinor, row.currency)}
                hint={`${row.breaks} difference${row.breaks === 1 ? "" : "s"} open`}
              />
            ))}
          </dl>
        )}
      </section>
      <BreaksByAgeChart buckets={overview.ageBuckets} rows={overview.byTypeAndAge} />
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="text-lg font-semibold text-stone-900">
          Latest runs
        </h2>
        <LiveRuns initialRuns={overview.runs} canRequest={roleHasPermission(staff.role, "reconciliation.resolve")} />
      </section>
    </div>
  );
}
