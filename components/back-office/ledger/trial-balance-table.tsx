import { DataTable, type TableColumn } from "@/components/ui/data-table";
import type { TrialBalance, TrialBalanceRow } from "@/server/ledger";
import { formatMoney } from "@/server/money";

/** One currency's trial balance: every account's net balance in its column, the totals, and whether they agree. */
export function TrialBalanceTable({ trialBalance }: { trialBalance: TrialBalance }) {
  const { currency } = trialBalance;
  const amount = (minor: bigint) => (minor === 0n ? "" : formatMoney(minor, currency));
  const columns: TableColumn<TrialBalanceRow>[] = [
    { id: "code", header: "Account", cell: (row) => row.code, className: "whitespace-nowrap tabular-nums" },
    { id: "name", header: "Name", cell: (row) => row.name },
    { id: "debit", header: "Debit", numeric: true, cell: (row) => amount(row.debit) },
    { id: "credit", header: "Credit", numeric: true, cell: (row) => amount(row.credit) },
  ];
  const difference = trialBalance.totalDebits - trialBalance.totalCredits;
  return (
    <div className="space-y-3">
      <DataTable
        label={`Trial balance in ${currency}`}
        columns={columns}
        rows={trialBalance.rows}
        rowKey={(row) => row.code}
        empty="No accounts in this currency yet."
        footer={[
          "Total",
          "",
          formatMoney(trialBalance.totalDebits, currency),
          formatMoney(trialBalance.totalCredits, currency),
        ]}
      />
      <p className="text-sm font-medium text-stone-900" data-testid="trial-balance-verdict">
        {trialBalance.balanced
          ? `Balanced: debits equal credits, ${formatMoney(trialBalance.totalDebits, currency)} each.`
          : `Out of balance by ${formatMoney(difference < 0n ? -difference : difference, currency)}: tell engineering, the ledger must never be out of balance.`}
      </p>
    </div>
  );
}
