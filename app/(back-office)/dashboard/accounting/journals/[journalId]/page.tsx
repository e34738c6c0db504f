import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { TableRegion } from "@/components/ui/table-region";
import { serverCaller } from "@/server/api/server-caller";
import { journalKindLabel, journalStatusLabel, vendorLabel } from "@/server/labels/accounting-labels";
import { formatMoney } from "@/server/money";
import { requireStaffPage } from "../../../../back-office-access";
import { orNotFound } from "../../../../or-not-found";

export const metadata: Metadata = { title: "Journal" };

export default async function JournalPage({ params }: { params: Promise<{ journalId: string }> }) {
  const { journalId } = await params;
  const { staff, allowed } = await requireStaffPage(
    `/dashboard/accounting/journals/${encodeURIComponent(journalId)}`,
    "accounting.read",
  );
  if (!allowed) return <ForbiddenNotice page="This journal" permission="accounting.read" role={staff.role} />;
  const journal = await orNotFound((await serverCaller(await headers())).accounting.journal({ journalId }));
  const vendor = vendorLabel(journal.connection.vendor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-stone-900">
          Journal <span className="font-mono">{journal.reference}</span>
        </h1>
        <Link
          className="text-sm font-medium text-emerald-800 underline"
          href={`/dashboard/accounting/${journal.connection.id}`}
        >
          Journals sent to {vendor}
        </Link>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-stone-700">State</dt>
          <dd className="font-medium">{journalStatusLabel(journal.status)}</dd>
        </div>
        <div>
          <dt className="text-stone-700">Kind · date in the books</dt>
          <dd className="font-medium">
            {journalKindLabel(journal.kind)} · {journal.journalDate}
          </dd>
        </div>
        <div>
          <dt className="text-stone-700">In {vendor}</dt>
          <dd className="font-medium font-mono">
            {journal.targetId ? (
              journal.targetUrl ? (
                <a className="text-emerald-800 underline" href={journal.targetUrl} target="_blank" rel="noreferrer">
                  {journal.targetId}
                </a>
              ) : (
                journal.targetId
              )
            ) : (
              "Not yet"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-stone-700">Attempts</dt>
          <dd className="font-medium">{journal.attempts}</dd>
        </div>
        <div>
          <dt className="text-stone-700">Sent</dt>
          <dd className="font-medium">
            <DateTime value={journal.sentAt} empty="Not yet" />
          </dd>
        </div>
        <div>
          <dt className="text-stone-700">Last error</dt>
          <dd className="font-medium">{journal.lastError ?? "None"}</dd>
        </div>
      </dl>
      <p className="text-sm text-stone-700">{journal.narration}</p>
      <DataTable
        label={`Lines in ${vendor}'s accounts`}
        showCaption
        rowKey={(line) => `${line.accountCode}:${line.direction}`}
        rows={journal.lines}
        columns={[
          { id: "account", header: "Account", cell: (line) => `${line.accountCode} ${line.accountName}` },
          {
            id: "debit",
            header: "Debit",
            numeric: true,
            cell: (line) => (line.direction === "debit" ? formatMoney(BigInt(line.amountMinor), journal.currency) : ""),
          },
          {
            id: "credit",
            header: "Credit",
            numeric: true,
            cell: (line) =>
              line.direction === "credit" ? formatMoney(BigInt(line.amountMinor), journal.currency) : "",
          },
          { id: "from", header: "From PayOps accounts", cell: (line) => line.payopsAccountCodes.join(", ") },
        ]}
      />
      <section aria-labelledby="payload-heading" className="space-y-2">
        <h2 id="payload-heading" className="text-lg font-semibold text-stone-900">
          Exactly what PayOps sends to {vendor}
        </h2>
        <p className="text-sm text-stone-700">
          The request body, byte for byte as stored when the journal was built; it is sent with the idempotency key{" "}
          <span className="font-mono">{journal.idempotencyKey}</span>.
        </p>
        <TableRegion label="Request body" className="max-h-[32rem] overflow-auto">
          <pre className="p-4 text-xs" data-testid="journal-payload">
            {journal.payloadText}
          </pre>
        </TableRegion>
      </section>
    </div>
  );
}
