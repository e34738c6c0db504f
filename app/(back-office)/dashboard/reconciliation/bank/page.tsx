import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/back-office/forbidden-notice";
import { BankStatementUpload } from "@/components/back-office/reconciliation/bank-statement-upload";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { serverCaller } from "@/server/api/server-caller";
import { roleHasPermission } from "@/server/auth/permissions";
import { requireStaffPage } from "../../../back-office-access";

export const metadata: Metadata = { title: "Bank statements" };

type Account = {
  id: string;
  name: string;
  currency: string;
  hasCsvMapping: boolean;
  lines: number;
  lastImport: { importedAt: Date; fileName: string | null } | null;
};

const COLUMNS: TableColumn<Account>[] = [
  { id: "name", header: "Bank account", cell: (account) => account.name },
  { id: "currency", header: "Currency", cell: (account) => account.currency },
  { id: "csv", header: "CSV layout saved", cell: (account) => (account.hasCsvMapping ? "Yes" : "No (camt.053 only)") },
  { id: "lines", header: "Statement lines", numeric: true, cell: (account) => account.lines.toLocaleString("en-US") },
  {
    id: "last",
    header: "Last import",
    cell: (account) =>
      account.lastImport ? (
        <>
          <DateTime value={account.lastImport.importedAt} /> {account.lastImport.fileName ?? ""}
        </>
      ) : (
        "—"
      ),
  },
];

export default async function BankStatementsPage() {
  const { staff, allowed } = await requireStaffPage("/dashboard/reconciliation/bank", "reconciliation.read");
  if (!allowed) return <ForbiddenNotice page="Bank statements" permission="reconciliation.read" role={staff.role} />;
  const accounts = await (await serverCaller(await headers())).reconciliation.bankAccounts();
  return (
    <div className="space-y-4">
      <Link className="text-sm text-emerald-800 underline" href="/dashboard/reconciliation">
        Back to the overview
      </Link>
      <h1 className="text-2xl font-semibold text-stone-900">Bank statements</h1>
      <p className="text-sm text-stone-700">
        Statements from the account Stripe pays out to, as CSV (with the account&apos;s saved column layout) or ISO
        20022 camt.053. The same file twice, or a line already imported, adds nothing.
      </p>
      <DataTable label="Bank accounts" columns={COLUMNS} rows={accounts} empty="No bank account set up yet." />
      {roleHasPermission(staff.role, "reconciliation.resolve") && accounts.length > 0 ? (
        <BankStatementUpload accounts={accounts.map(({ id, name }) => ({ id, name }))} />
      ) : null}
    </div>
  );
}
