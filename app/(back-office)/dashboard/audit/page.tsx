import type { Metadata } from "next";
import { AuditLog } from "@/components/back-office/audit-log";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/audit", "audit.read");
  if (!allowed) return <ForbiddenNotice page="The audit log" permission="audit.read" role={staff.role} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Audit log</h1>
      <p className="text-sm text-stone-700">
        Every staff action that moves or could move money, and every sign-in. Entries are never changed or deleted.
      </p>
      <AuditLog />
    </div>
  );
}
