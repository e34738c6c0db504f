import { Button } from "@/components/ui/button";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { refundReasonLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money/format-money";
import { RefundStatusBadge } from "./refund-status-badge";

type RefundRow = {
  id: string;
  status: string;
  amountMinor: number;
  currency: string;
  reasonCode: string;
  note: string | null;
  createdAt: Date;
  requestedByName: string | null;
  approvedByName: string | null;
  rejectedByName: string | null;
  decisionNote: string | null;
  failureReason: string | null;
  lastIssueError: string | null;
  lines: { id: string; quantity: number; amountMinor: number; orderItem: { productName: string } }[];
};

/** Refunds still on their way, followed live: amount, status, why, who asked, and a retry when Stripe could not be reached. */
export function RefundList({
  refunds,
  canRetry,
  retrying,
  onRetry,
}: {
  refunds: RefundRow[];
  canRetry: boolean;
  retrying: boolean;
  onRetry: (refundId: string) => void;
}) {
  if (refunds.length === 0) return null;
  const columns: TableColumn<RefundRow>[] = [
    {
      id: "amount",
      header: "Amount",
      className: "font-medium",
      cell: (refund) => (
        <>
          {formatMoney(refund.amountMinor, refund.currency)}
          {refund.lines.length > 0 ? (
            <ul className="font-normal text-stone-700">
              {refund.lines.map((line) => (
                <li key={line.id}>
                  {line.quantity} × {line.orderItem.productName}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (refund) => (
        <>
          <RefundStatusBadge status={refund.status} />
          {refund.failureReason ? <p className="text-red-900">{refund.failureReason}</p> : null}
          {refund.status === "issuing" && refund.lastIssueError ? (
            <p className="text-amber-900">
              Stripe could not be reached.{" "}
              {canRetry ? (
                <Button variant="secondary" size="sm" disabled={retrying} onClick={() => onRetry(refund.id)}>
                  Send again
                </Button>
              ) : null}
            </p>
          ) : null}
          {refund.approvedByName ? <p className="text-stone-700">Approved by {refund.approvedByName}</p> : null}
          {refund.rejectedByName ? (
            <p className="text-stone-700">
              Rejected by {refund.rejectedByName}: {refund.decisionNote}
            </p>
          ) : null}
        </>
      ),
    },
    {
      id: "reason",
      header: "Reason",
      cell: (refund) => (
        <>
          {refundReasonLabel(refund.reasonCode)}
          {refund.note ? <p className="text-stone-700">{refund.note}</p> : null}
        </>
      ),
    },
    { id: "requestedBy", header: "Requested by", cell: (refund) => refund.requestedByName ?? "—" },
    {
      id: "when",
      header: "When",
      cell: (refund) => <DateTime value={refund.createdAt} />,
    },
  ];
  return (
    <DataTable
      label="Refunds on their way"
      showCaption
      density="inset"
      columns={columns}
      rows={refunds}
      testId="refund-list"
      rowTestId="refund-row"
    />
  );
}
