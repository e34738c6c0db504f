import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ExportForm } from "@/components/back-office/accounting/export-form";
import { JournalsTable } from "@/components/back-office/accounting/journals-table";
import { SyncControls } from "@/components/back-office/accounting/sync-controls";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { connectionStatusLabel, journalModeLabel, vendorLabel } from "@/server/labels/accounting-labels";
import { requireStaffPage } from "../../../back-office-access";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Accounting connection" };

export default async function ConnectionPage({ params }: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await params;
  const { staff, allowed } = await requireStaffPage(
    `/dashboard/accounting/${encodeURIComponent(connectionId)}`,
    "accounting.read",
  );
  if (!allowed) return <ForbiddenNotice page="This connection" permission="accounting.read" role={staff.role} />;
  const connection = await orNotFound((await serverCaller(await headers())).accounting.connection({ connectionId }));
  const canSync = roleHasPermission(staff.role, "accounting.sync");
  const canConnect = roleHasPermission(staff.role, "accounting.connect");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-stone-900">{vendorLabel(connection.vendor)}</h1>
        <div className="flex gap-4 text-sm">
          <Link className="font-medium text-emerald-800 underline" href="/dashboard/accounting">
            All connections
          </Link>
          {canConnect ? (
            <Link
              className="font-medium text-emerald-800 underline"
              href={`/dashboard/accounting/${connection.id}/mapping`}
            >
              Account mapping
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-stone-700">Status</dt>
          <dd className="font-medium">{connectionStatusLabel(connection.status)}</dd>
        </div>
        <div>
          <dt className="text-stone-700">Journals</dt>
          <dd className="font-medium">{journalModeLabel(connection.mode)}</dd>
        </div>
        <div>
          <dt className="text-stone-700">Last sync</dt>
          <dd className="font-medium">
            <DateTime value={connection.lastSyncAt} empty="Not yet" />
          </dd>
        </div>
        <div>
          <dt className="text-stone-700">Sent · failed · waiting</dt>
          <dd className="font-medium tabular-nums">
            {connection.sent} · {connection.failed} · {connection.pending}
          </dd>
        </div>
      </dl>
      {connection.lastSyncError ? (
        <Notice tone="error">
          <p className="font-medium">The last sync stopped or failed</p>
          <p>{connection.lastSyncError}</p>
        </Notice>
      ) : null}
      {canSync ? <SyncControls connectionId={connection.id} failed={connection.failed} /> : null}
      <section aria-labelledby="journals-heading" className="space-y-2">
        <h2 id="journals-heading" className="text-lg font-semibold text-stone-900">
          Journals
        </h2>
        <JournalsTable connectionId={connection.id} canRetry={canSync} />
      </section>
      {canSync ? (
        <section aria-labelledby="export-heading" className="space-y-2">
          <h2 id="export-heading" className="text-lg font-semibold text-stone-900">
            Export journals as a file
          </h2>
          <ExportForm connectionId={connection.id} />
        </section>
      ) : null}
    </div>
  );
}
