import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { declineCodeLabel } from "@/server/labels/health-labels";
import { formatRate, type Rate } from "@/server/observability/health/rate";
import type { CurrencyPayments } from "@/server/observability/health/read-payments-report";

function rateCell(rate: Rate) {
  return (
    <span title={`${rate.count} of ${rate.of}`}>
      {formatRate(rate)}{" "}
      <span className="text-xs text-stone-600">
        ({rate.count} of {rate.of})
      </span>
    </span>
  );
}

const COLUMNS: TableColumn<CurrencyPayments>[] = [
  { id: "currency", header: "Currency", cell: (row) => row.currency },
  { id: "attempted", header: "Payments tried", numeric: true, cell: (row) => String(row.attempted) },
  { id: "authorisation", header: "Authorisation rate", numeric: true, cell: (row) => rateCell(row.authorisation) },
  {
    id: "challenge",
    header: "Asked for 3-D Secure",
    numeric: true,
    cell: (row) => rateCell(row.threeDSecureChallenge),
  },
  { id: "success", header: "3-D Secure passed", numeric: true, cell: (row) => rateCell(row.threeDSecureSuccess) },
  { id: "refund", header: "Refund rate", numeric: true, cell: (row) => rateCell(row.refund) },
  { id: "dispute", header: "Dispute rate", numeric: true, cell: (row) => rateCell(row.dispute) },
];

type DeclineRow = { currency: string; code: string; count: number };

const DECLINE_COLUMNS: TableColumn<DeclineRow>[] = [
  { id: "currency", header: "Currency", cell: (row) => row.currency },
  { id: "reason", header: "Why the bank declined", cell: (row) => declineCodeLabel(row.code) },
  { id: "count", header: "Payments", numeric: true, cell: (row) => String(row.count) },
];

/** The payments report a merchant reads like Stripe's: per currency, a payment counted once. */
export function PaymentsReport({ payments }: { payments: CurrencyPayments[] }) {
  const declines = payments.flatMap((row) =>
    row.declinesByCode.map((decline) => ({ currency: row.currency, ...decline })),
  );
  return (
    <div className="space-y-3">
      <DataTable
        label="Payments by currency"
        rows={payments}
        rowKey={(row) => row.currency}
        empty="No payments in this window."
        columns={COLUMNS}
        testId="payments-report"
        rowTestId="payments-report-row"
      />
      <DataTable
        label="Declines by reason"
        rows={declines}
        rowKey={(row) => `${row.currency}:${row.code}`}
        empty="No declined payments in this window."
        columns={DECLINE_COLUMNS}
      />
      <details className="text-sm text-stone-700">
        <summary className="cursor-pointer">How these are counted</summary>
        <p className="mt-1">
          Each payment counts once: authorised if any of its attempts was, otherwise declined with the bank&apos;s
          latest reason. Refund and dispute rates are shares of authorised payments.
        </p>
      </details>
    </div>
  );
}
