import { Button } from "@/components/ui/button";
import { formatMoney } from "@/server/money/format-money";
import { REFUND_REASON_LABELS } from "./refund-reasons";
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
  return (
    <table className="w-full text-left text-sm" data-testid="refund-list">
      <caption className="text-left font-medium">Refunds on their way</caption>
      <thead className="border-b border-stone-300 text-stone-700">
        <tr>
          <th scope="col" className="py-2">
            Amount
          </th>
          <th scope="col">Status</th>
          <th scope="col">Reason</th>
          <th scope="col">Requested by</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {refunds.map((refund) => (
          <tr key={refund.id} className="border-b border-stone-200 align-top" data-testid="refund-row">
            <td className="py-2 font-medium">
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
            </td>
            <td className="py-2">
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
            </td>
            <td className="py-2">
              {REFUND_REASON_LABELS[refund.reasonCode as keyof typeof REFUND_REASON_LABELS] ?? refund.reasonCode}
              {refund.note ? <p className="text-stone-700">{refund.note}</p> : null}
            </td>
            <td className="py-2">{refund.requestedByName ?? "—"}</td>
            <td className="py-2">{new Date(refund.createdAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
