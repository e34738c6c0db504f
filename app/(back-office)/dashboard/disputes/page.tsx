import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DisputesTable } from "@/components/back-office/disputes/disputes-table";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { serverCaller } from "@/server/api/server-caller";
import type { DisputeListFilter } from "@/server/disputes/list-disputes";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Disputes" };

const FILTERS: { value: DisputeListFilter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "All" },
];

export default async function DisputesPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const { staff, allowed } = await requireStaffPage("/dashboard/disputes", "orders.read");
  if (!allowed) return <ForbiddenNotice page="Disputes" permission="orders.read" role={staff.role} />;
  const requested = (await searchParams).filter;
  const filter = FILTERS.find((option) => option.value === requested)?.value ?? "open";
  const disputes = await (await serverCaller(await headers())).disputes.list({ filter });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Disputes</h1>
      <nav aria-label="Dispute filter" className="flex gap-3 text-sm">
        {FILTERS.map((option) => (
          <Link
            key={option.value}
            href={`/dashboard/disputes?filter=${option.value}`}
            aria-current={option.value === filter ? "page" : undefined}
            className={option.value === filter ? "font-semibold underline" : "text-emerald-800 underline"}
          >
            {option.label}
          </Link>
        ))}
      </nav>
      <DisputesTable disputes={disputes} />
    </div>
  );
}
