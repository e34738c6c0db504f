import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { OperationsPanel } from "@/components/back-office/operations-panel";
import { ProcessingPauseSwitch } from "@/components/back-office/processing-pause-switch";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Operations" };

export default async function OperationsPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/operations", "operations.manage");
  if (!allowed) return <ForbiddenNotice page="The operations page" permission="operations.manage" role={staff.role} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Operations</h1>
      <p className="text-sm text-stone-700">
        Stripe events PayOps received, and calls it owes Stripe. Anything that failed too often is set aside here with
        its last error, until you send it again or set it aside for good.
      </p>
      <ProcessingPauseSwitch />
      <OperationsPanel />
    </div>
  );
}
