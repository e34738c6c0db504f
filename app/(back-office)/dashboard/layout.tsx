import { headers } from "next/headers";
import type { ReactNode } from "react";
import { BackOfficeNav, type NavItem } from "@/components/back-office/back-office-nav";
import { BackOfficeProviders } from "@/components/back-office/back-office-providers";
import { SignOutButtons } from "@/components/back-office/sign-out-buttons";
import { SkipLink } from "@/components/ui/skip-link";
import { type Permission, roleHasPermission } from "@/server/auth/permissions";
import { resolveStaffSession } from "@/server/auth/staff-session";
import { merchantDateFormat } from "@/server/formatting/merchant-date-format";
import { roleLabel } from "@/server/labels/staff-access-labels";

const NAV: (NavItem & { permission: Permission })[] = [
  { href: "/dashboard", label: "Overview", permission: "orders.read" },
  { href: "/dashboard/orders", label: "Orders", permission: "orders.read" },
  { href: "/dashboard/refunds/approvals", label: "Refund approvals", permission: "refunds.approve" },
  { href: "/dashboard/reviews", label: "Review queue", permission: "fraud.review" },
  { href: "/dashboard/fraud-rules", label: "Fraud rules", permission: "fraud.rules.manage" },
  { href: "/dashboard/disputes", label: "Disputes", permission: "orders.read" },
  { href: "/dashboard/reconciliation", label: "Reconciliation", permission: "reconciliation.read" },
  { href: "/dashboard/ledger", label: "Trial balance", permission: "ledger.read" },
  { href: "/dashboard/accounting", label: "Accounting", permission: "accounting.read" },
  { href: "/dashboard/audit", label: "Audit log", permission: "audit.read" },
  { href: "/dashboard/staff", label: "Staff", permission: "users.manage" },
  { href: "/dashboard/health", label: "Health", permission: "health.read" },
  { href: "/dashboard/operations", label: "Operations", permission: "operations.manage" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Each page redirects a visitor without a session itself (requireStaffPage), because only the
  // page knows its own address to come back to; the layout just leaves its chrome out.
  const staff = await resolveStaffSession(await headers());
  if (!staff) return children;
  const items = NAV.filter((item) => roleHasPermission(staff.role, item.permission)).map(({ href, label }) => ({
    href,
    label,
  }));
  return (
    <BackOfficeProviders dateFormat={merchantDateFormat()}>
      <SkipLink />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <span className="font-semibold text-stone-900">PayOps</span>
            <BackOfficeNav items={items} />
          </div>
          <div className="flex items-center gap-3 text-sm text-stone-700">
            <span>
              {staff.name} · <span className="font-medium">{roleLabel(staff.role)}</span>
            </span>
            <SignOutButtons />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </BackOfficeProviders>
  );
}
