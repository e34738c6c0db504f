import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { ApprovalsQueue } from "@/components/back-office/refunds/approvals-queue";
import { rolesWithPermission } from "@/server/labels/staff-access-labels";
import { requireStaffPage } from "../../../back-office-access";

export const metadata: Metadata = { title: "Refund approvals" };

export default async function RefundApprovalsPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/refunds/approvals", "refunds.approve");
  if (!allowed) return <ForbiddenNotice page="Refund approvals" permission="refunds.approve" role={staff.role} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Refund approvals</h1>
      <p className="text-sm text-stone-700">
        Refunds above the approval threshold wait here until someone other than the person who asked approves or rejects
        them ({rolesWithPermission("refunds.approve")} can).
      </p>
      <ApprovalsQueue staffUserId={staff.userId} />
    </div>
  );
}
