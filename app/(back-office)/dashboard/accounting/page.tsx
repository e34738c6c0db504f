import type { Metadata } from "next";
import { headers } from "next/headers";
import { ConnectForm } from "@/components/back-office/accounting/connect-form";
import { ConnectionsTable } from "@/components/back-office/accounting/connections-table";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { requireStaffPage } from "../../back-office-access";

export const metadata: Metadata = { title: "Accounting" };

export default async function AccountingPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/accounting", "accounting.read");
  if (!allowed) return <ForbiddenNotice page="Accounting" permission="accounting.read" role={staff.role} />;
  const { connections, connectable } = await (await serverCaller(await headers())).accounting.connections();
  const canConnect = roleHasPermission(staff.role, "accounting.connect");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Accounting</h1>
      <p className="text-sm text-stone-700">
        PayOps posts the ledger to your accounting system once, as journals a bookkeeper expects, every hour or when you
        start a sync. Open a connection to see every journal sent, what failed and why.
      </p>
      <ConnectionsTable connections={connections} />
      {canConnect ? (
        <section aria-labelledby="connect-heading" className="space-y-2">
          <h2 id="connect-heading" className="text-lg font-semibold text-stone-900">
            Connect an accounting system
          </h2>
          {connectable.length === 0 ? (
            <p className="text-sm text-stone-700">
              Connecting from here needs the PayOps app&apos;s credentials for Xero or QuickBooks Online in the
              configuration.
            </p>
          ) : (
            connectable.map((vendor) => <ConnectForm key={vendor} vendor={vendor} />)
          )}
        </section>
      ) : null}
    </div>
  );
}
