import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { AdjustingEntry } from "@/components/back-office/reconciliation/adjusting-entry";
import { BreakActions } from "@/components/back-office/reconciliation/break-actions";
import { breakAmount } from "@/components/back-office/reconciliation/break-amount";
import { BreakSides } from "@/components/back-office/reconciliation/break-sides";
import { DateTime } from "@/components/ui/date-time";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { auditActionLabel } from "@/server/labels/staff-event-labels";
import { breakStatusLabel, breakTypeLabel, resolutionLabel } from "@/server/reconciliation/reconciliation-labels";
import { requireStaffPage } from "../../../../back-office-access";
import { orNotFound } from "../../../../or-not-found";

export const metadata: Metadata = { title: "Reconciliation difference" };

export default async function BreakPage({ params }: { params: Promise<{ breakId: string }> }) {
  const { breakId } = await params;
  const { staff, allowed } = await requireStaffPage(
    `/dashboard/reconciliation/breaks/${encodeURIComponent(breakId)}`,
    "reconciliation.read",
  );
  if (!allowed)
    return <ForbiddenNotice page="This reconciliation difference" permission="reconciliation.read" role={staff.role} />;
  const caller = await serverCaller(await headers());
  const detail = await orNotFound(caller.reconciliation.breakDetail({ breakId }));
  const canResolve = roleHasPermission(staff.role, "reconciliation.resolve");
  const resolvers = canResolve ? await caller.reconciliation.resolvers() : [];
  const facts: [string, React.ReactNode][] = [
    [
      "Status",
      <span key="status" data-testid="break-status">
        {breakStatusLabel(detail.status)}
      </span>,
    ],
    ["Amount", breakAmount(detail.amountMinor, detail.currency)],
    ["Money moved", <DateTime key="when" value={detail.occurredAt} />],
    ["Owner", detail.owner?.name ?? "—"],
    ["Due", detail.dueAt ? <DateTime key="due" value={detail.dueAt} /> : "—"],
  ];
  if (detail.resolution) {
    facts.push([
      "Resolution",
      `${resolutionLabel(detail.resolution)}: ${detail.resolutionReason ?? detail.resolutionNote ?? ""}`,
    ]);
  }
  return (
    <div className="space-y-6">
      <Link className="text-sm text-emerald-800 underline" href="/dashboard/reconciliation/breaks">
        All differences
      </Link>
      <h1 className="text-2xl font-semibold text-stone-900">{breakTypeLabel(detail.type)}</h1>
      <p className="text-stone-800">{detail.summary}</p>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-stone-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {detail.orderId ? (
        <p className="text-sm">
          <Link className="text-emerald-800 underline" href={`/dashboard/orders/${detail.orderId}`}>
            The order and its timeline
          </Link>
        </p>
      ) : null}
      <BreakSides stripe={detail.stripeSide} payops={detail.payopsSide} bank={detail.bankSide} />
      {detail.adjustingEntry ? <AdjustingEntry entry={detail.adjustingEntry} /> : null}
      {canResolve && detail.status !== "resolved" ? (
        <BreakActions
          breakId={detail.id}
          currency={detail.currency}
          amountMinor={detail.amountMinor}
          owners={resolvers}
          ownerId={detail.owner?.id ?? null}
        />
      ) : null}
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold text-stone-900">
          History
        </h2>
        <ol className="space-y-1 text-sm" data-testid="break-history">
          <li>
            <DateTime value={detail.createdAt} /> · Found by a reconciliation run
          </li>
          {detail.history.map((entry) => (
            <li key={entry.id}>
              <DateTime value={entry.createdAt} /> · {auditActionLabel(entry.action)} · {entry.actorName ?? "PayOps"}
              {entry.amountMinor !== null && entry.currency
                ? ` · ${breakAmount(entry.amountMinor, entry.currency)}`
                : ""}
              {entry.reason ? ` · ${entry.reason}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
