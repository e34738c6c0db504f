import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AcceptDisputeButton } from "@/components/back-office/disputes/accept-dispute-button";
import { EvidenceForm } from "@/components/back-office/disputes/evidence-form";
import { formatTimeLeft } from "@/components/back-office/disputes/format-time-left";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { DateTime } from "@/components/ui/date-time";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { disputeReasonLabel, disputeStatusLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money";
import { requireStaffPage } from "../../../back-office-access";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Dispute" };

export default async function DisputePage({ params }: { params: Promise<{ disputeId: string }> }) {
  const { disputeId } = await params;
  const { staff, allowed } = await requireStaffPage(
    `/dashboard/disputes/${encodeURIComponent(disputeId)}`,
    "orders.read",
  );
  if (!allowed) return <ForbiddenNotice page="This dispute" permission="orders.read" role={staff.role} />;
  const { dispute, evidence, readOnly, timeLeftMs } = await orNotFound(
    (await serverCaller(await headers())).disputes.detail({ disputeId }),
  );
  const facts: [string, React.ReactNode][] = [
    ["Status", disputeStatusLabel(dispute.status)],
    ["Reason", disputeReasonLabel(dispute.reason)],
    ["Amount", formatMoney(dispute.amountMinor, dispute.currency)],
    [
      "Evidence due",
      dispute.evidenceDueBy ? (
        <>
          <DateTime value={dispute.evidenceDueBy} /> ({formatTimeLeft(timeLeftMs)})
        </>
      ) : (
        "—"
      ),
    ],
    ["Evidence submitted", <DateTime key="submitted" value={dispute.evidenceSubmittedAt} empty="Not yet" />],
    ["Stripe dispute", dispute.stripeDisputeId],
  ];
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/dashboard/disputes" className="text-emerald-800 underline">
          ← Disputes
        </Link>
      </p>
      <h1 className="text-2xl font-semibold text-stone-900">
        Dispute on{" "}
        <Link className="underline" href={`/dashboard/orders/${dispute.orderId}`}>
          {dispute.order.customer.email}
        </Link>
      </h1>
      <dl
        className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-3"
        data-testid="dispute-facts"
      >
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-stone-700">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {!readOnly && roleHasPermission(staff.role, "disputes.respond") ? (
        <AcceptDisputeButton disputeId={dispute.id} amount={formatMoney(dispute.amountMinor, dispute.currency)} />
      ) : null}
      <section aria-labelledby="evidence-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="evidence-heading" className="mb-3 text-lg font-semibold">
          Evidence
        </h2>
        <EvidenceForm
          disputeId={dispute.id}
          initial={evidence}
          readOnly={readOnly}
          canRespond={roleHasPermission(staff.role, "disputes.respond")}
        />
      </section>
    </div>
  );
}
