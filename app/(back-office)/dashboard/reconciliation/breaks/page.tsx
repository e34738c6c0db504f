import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { BreakFiltersForm } from "@/components/back-office/reconciliation/break-filters-form";
import { BreaksQueue } from "@/components/back-office/reconciliation/breaks-queue";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { type BreakFilters, breakFiltersSchema } from "@/server/reconciliation/break-filters";
import { requireStaffPage } from "../../../back-office-access";

export const metadata: Metadata = { title: "Reconciliation differences" };

type Search = {
  type?: string;
  status?: string;
  currency?: string;
  ownerId?: string;
  minAgeDays?: string;
  cursor?: string;
};

/** Unknown or malformed filter values in the address fall back to no filter rather than an error page. */
function filtersFrom(search: Search): BreakFilters {
  const parsed = breakFiltersSchema.safeParse({
    type: search.type || undefined,
    status: search.status || undefined,
    currency: search.currency || undefined,
    ownerId: search.ownerId || undefined,
    minAgeDays: search.minAgeDays ? Number(search.minAgeDays) : undefined,
  });
  return parsed.success ? parsed.data : { status: "unresolved" };
}

export default async function BreaksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { staff, allowed } = await requireStaffPage("/dashboard/reconciliation/breaks", "reconciliation.read");
  if (!allowed)
    return <ForbiddenNotice page="Reconciliation differences" permission="reconciliation.read" role={staff.role} />;
  const search = await searchParams;
  const filters = filtersFrom(search);
  const caller = await serverCaller(await headers());
  const canResolve = roleHasPermission(staff.role, "reconciliation.resolve");
  const [page, resolvers] = await Promise.all([
    caller.reconciliation
      .breaks({ ...filters, cursor: search.cursor || null })
      .catch(() => caller.reconciliation.breaks({ ...filters })),
    canResolve ? caller.reconciliation.resolvers() : Promise.resolve([]),
  ]);
  const next = new URLSearchParams(
    Object.entries({ ...search, cursor: page.nextCursor ?? "" }).filter(([, value]) => value) as [string, string][],
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-stone-900">Reconciliation differences</h1>
        <Link className="text-sm text-emerald-800 underline" href="/dashboard/reconciliation">
          Back to the overview
        </Link>
      </div>
      <BreakFiltersForm filters={filters} owners={resolvers} />
      <p className="text-sm text-stone-700" data-testid="breaks-total">
        {page.total} difference{page.total === 1 ? "" : "s"} match these filters.
      </p>
      <BreaksQueue rows={page.rows} filters={filters} owners={resolvers} canResolve={canResolve} />
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {search.cursor ? (
          <Link
            className="text-emerald-800 underline"
            href={`/dashboard/reconciliation/breaks?${new URLSearchParams(
              Object.entries({ ...search, cursor: "" }).filter(([, value]) => value) as [string, string][],
            )}`}
          >
            First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className="text-emerald-800 underline" href={`/dashboard/reconciliation/breaks?${next}`}>
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
