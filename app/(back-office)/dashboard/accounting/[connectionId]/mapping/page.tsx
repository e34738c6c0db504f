import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { MappingForm } from "@/components/back-office/accounting/mapping-form";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { Notice } from "@/components/ui/notice";
import { serverCaller } from "@/server/api/server-caller";
import { vendorLabel } from "@/server/labels/accounting-labels";
import { requireStaffPage } from "../../../../back-office-access";
import { orNotFound } from "../../../../or-not-found";

export const metadata: Metadata = { title: "Account mapping" };

export default async function MappingPage({
  params,
  searchParams,
}: {
  params: Promise<{ connectionId: string }>;
  searchParams: Promise<{ connected?: string }>;
}) {
  const { connectionId } = await params;
  const { staff, allowed } = await requireStaffPage(
    `/dashboard/accounting/${encodeURIComponent(connectionId)}/mapping`,
    "accounting.connect",
  );
  if (!allowed) return <ForbiddenNotice page="Account mapping" permission="accounting.connect" role={staff.role} />;
  const connection = await orNotFound((await serverCaller(await headers())).accounting.connection({ connectionId }));
  const connected = (await searchParams).connected === "1";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-stone-900">Account mapping · {vendorLabel(connection.vendor)}</h1>
        <Link
          className="text-sm font-medium text-emerald-800 underline"
          href={`/dashboard/accounting/${connection.id}`}
        >
          Journals of this connection
        </Link>
      </div>
      {connected ? (
        <Notice tone="success">
          {vendorLabel(connection.vendor)} is connected. Confirm where each PayOps account posts before the first sync.
        </Notice>
      ) : null}
      <p className="text-sm text-stone-700">
        Accounts with the same code in {vendorLabel(connection.vendor)} are chosen already. A sync stops before sending
        anything while an account it needs is unmapped or archived.
      </p>
      <MappingForm connectionId={connection.id} />
    </div>
  );
}
