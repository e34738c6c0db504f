"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { AUDIT_ACTIONS } from "@/server/audit/audit-actions";
import type { AuditFilters } from "@/server/audit/audit-filters";
import type { AuditEntry } from "@/server/audit/list-audit-entries";
import { auditReasonInWords, describeAuditChange } from "@/server/labels/describe-audit-change";
import { auditActionLabel } from "@/server/labels/staff-event-labels";
import { shortId } from "./format";
import { moneyColumn } from "./money-column";

const field = "mt-1 block h-10 w-full rounded-lg border border-stone-300 bg-white px-2 text-sm";

const SUBJECT_NOUNS: Record<string, string> = {
  order: "Order",
  refund: "Refund",
  dispute: "Dispute",
  staff_user: "Staff member",
  security_settings: "Security settings",
  reconciliation_break: "Reconciliation difference",
  ledger_period: "Month",
};

/** Where a subject's page is: refunds show on their order's page, staff on the Staff page. */
function subjectHref(entry: AuditEntry): string | null {
  if (entry.subjectType === "order") return `/dashboard/orders/${entry.subjectId}`;
  if (entry.subjectType === "refund" && entry.subjectOrderId) return `/dashboard/orders/${entry.subjectOrderId}`;
  if (entry.subjectType === "dispute") return `/dashboard/disputes/${entry.subjectId}`;
  if (entry.subjectType === "staff_user") return "/dashboard/staff";
  if (entry.subjectType === "reconciliation_break") return `/dashboard/reconciliation/breaks/${entry.subjectId}`;
  return null;
}

function AuditSubject({ entry }: { entry: AuditEntry }) {
  const noun = SUBJECT_NOUNS[entry.subjectType] ?? entry.subjectType;
  const text =
    entry.subjectType === "staff_user" || entry.subjectType === "security_settings"
      ? noun
      : entry.subjectType === "ledger_period"
        ? `${noun} ${entry.subjectId}`
        : `${noun} ${shortId(entry.subjectId)}`;
  const href = subjectHref(entry);
  return href ? (
    <Link className="text-emerald-800 underline" href={href}>
      {text}
    </Link>
  ) : (
    text
  );
}

/** Before → after as a list of changed fields in words; the raw JSON behind "Details" (the CSV has it too). */
function AuditChange({ entry }: { entry: AuditEntry }) {
  if (!entry.before && !entry.after) return "—";
  const lines = describeAuditChange(entry);
  return (
    <>
      <ul className="space-y-0.5">
        {lines.map((line) => (
          <li key={line.field}>
            <span className="text-stone-700">{line.field}:</span>{" "}
            {line.before !== null ? (
              <>
                <del className="text-stone-700">{line.before}</del> →{" "}
              </>
            ) : null}
            <ins className="no-underline font-medium">{line.after ?? "removed"}</ins>
          </li>
        ))}
      </ul>
      <details className="text-xs text-stone-700">
        <summary className="cursor-pointer">Details</summary>
        <code className="break-all">
          {JSON.stringify(entry.before)} → {JSON.stringify(entry.after)}
        </code>
      </details>
    </>
  );
}

const AUDIT_COLUMNS: TableColumn<AuditEntry>[] = [
  { id: "when", header: "When", className: "whitespace-nowrap", cell: (entry) => <DateTime value={entry.createdAt} /> },
  { id: "who", header: "Who", cell: (entry) => entry.actorEmail ?? entry.actorKind },
  { id: "action", header: "Action", cell: (entry) => auditActionLabel(entry.action) },
  { id: "subject", header: "Subject", cell: (entry) => <AuditSubject entry={entry} /> },
  moneyColumn(
    "amount",
    "Amount",
    (entry) =>
      entry.amountMinor !== null && entry.currency ? { minor: entry.amountMinor, currency: entry.currency } : null,
    "—",
  ),
  { id: "reason", header: "Reason", cell: (entry) => auditReasonInWords(entry.action, entry.reason) ?? "—" },
  { id: "change", header: "Change", cell: (entry) => <AuditChange entry={entry} /> },
];

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

function readFilters(form: FormData): AuditFilters {
  const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
  const action = text("action");
  return {
    actions: action ? [action as (typeof AUDIT_ACTIONS)[number]] : undefined,
    moneyOnly: form.get("moneyOnly") === "on" || undefined,
    actorEmail: text("actorEmail"),
    subjectId: text("subjectId"),
    from: text("from"),
    to: text("to"),
  };
}

export function AuditLog() {
  const trpc = useTRPC();
  const id = useId();
  const [filters, setFilters] = useState<AuditFilters>({});
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { filters, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, retry: false },
    ),
  );
  const exportCsv = useMutation(
    trpc.audit.exportCsv.mutationOptions({ onSuccess: (file) => download(file.filename, file.csv) }),
  );
  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters(readFilters(new FormData(event.currentTarget)));
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        aria-label="Filter the audit log"
        className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      >
        <div>
          <label htmlFor={`${id}-action`} className="text-sm font-medium">
            Action
          </label>
          <select id={`${id}-action`} name="action" className={field} defaultValue="">
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-actor`} className="text-sm font-medium">
            Staff email
          </label>
          <input id={`${id}-actor`} name="actorEmail" className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-subject`} className="text-sm font-medium">
            Subject id
          </label>
          <input id={`${id}-subject`} name="subjectId" className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-from`} className="text-sm font-medium">
            From (UTC)
          </label>
          <input id={`${id}-from`} name="from" type="date" className={field} />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className="text-sm font-medium">
            To (UTC)
          </label>
          <input id={`${id}-to`} name="to" type="date" className={field} />
        </div>
        <label className="flex items-end gap-2 pb-2 text-sm">
          <input type="checkbox" name="moneyOnly" /> Money actions only
        </label>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <Button type="submit" size="sm">
            Apply filters
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={exportCsv.isPending}
            onClick={() => exportCsv.mutate({ filters })}
          >
            {exportCsv.isPending ? "Exporting…" : "Export CSV"}
          </Button>
        </div>
      </form>
      {entries.error ? <Notice tone="error">{entries.error.message}</Notice> : null}
      {exportCsv.error ? <Notice tone="error">{exportCsv.error.message}</Notice> : null}
      <DataTable
        label="Audit log entries"
        columns={AUDIT_COLUMNS}
        rows={rows}
        empty={entries.isSuccess ? "No audit entries match." : null}
      />
      {entries.hasNextPage ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={entries.isFetchingNextPage}
          onClick={() => void entries.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
    </div>
  );
}
