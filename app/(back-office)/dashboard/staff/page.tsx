import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { StaffUsers } from "@/components/back-office/staff-users";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/staff", "users.manage");
  if (!allowed) return <ForbiddenNotice page="The staff page" permission="users.manage" role={staff.role} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Staff</h1>
      <StaffUsers currentUserId={staff.userId} />
    </div>
  );
}
