import { formatMoney } from "@/server/money";
import type {
  OrderDisputeSummary,
  OrderLedgerLine,
  OrderRefundSummary,
} from "@/server/orders-workspace/order-detail-sections";
import { formatDateTime } from "../format";
import { DetailSection, EmptyNote } from "./detail-section";

/**
 * Refunds, disputes and ledger lines of an order. Their data comes from the loaders in
 * server/orders-workspace/order-detail-sections.ts; actions on them (request or approve a refund,
 * answer a dispute) go in the `actions` slot, each behind its own permission.
 */
export function RefundsSection({ refunds, actions }: { refunds: OrderRefundSummary[]; actions?: React.ReactNode }) {
  return (
    <DetailSection id="refunds-heading" title="Refunds">
      {actions}
      {refunds.length === 0 ? (
        <EmptyNote>No refunds.</EmptyNote>
      ) : (
        <ul className="space-y-1">
          {refunds.map((refund) => (
            <li key={refund.id}>
              {formatMoney(refund.amountMinor, refund.currency)} · {refund.status} · {formatDateTime(refund.createdAt)}
              {refund.reason ? ` · ${refund.reason}` : ""}
              {refund.requestedBy ? ` · ${refund.requestedBy}` : ""}
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}

export function DisputesSection({ disputes, actions }: { disputes: OrderDisputeSummary[]; actions?: React.ReactNode }) {
  return (
    <DetailSection id="disputes-heading" title="Disputes">
      {actions}
      {disputes.length === 0 ? (
        <EmptyNote>No disputes.</EmptyNote>
      ) : (
        <ul className="space-y-1">
          {disputes.map((dispute) => (
            <li key={dispute.id}>
              {formatMoney(dispute.amountMinor, dispute.currency)} · {dispute.status}
              {dispute.reason ? ` · ${dispute.reason}` : ""}
              {dispute.evidenceDueBy ? ` · evidence due ${formatDateTime(dispute.evidenceDueBy)}` : ""}
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}

export function LedgerSection({ lines }: { lines: OrderLedgerLine[] }) {
  return (
    <DetailSection id="ledger-heading" title="Ledger lines">
      {lines.length === 0 ? (
        <EmptyNote>No ledger entries.</EmptyNote>
      ) : (
        <table className="w-full">
          <thead className="text-left">
            <tr>
              <th className="py-1 font-medium">When</th>
              <th className="py-1 font-medium">Entry</th>
              <th className="py-1 font-medium">Account</th>
              <th className="py-1 text-right font-medium">Debit</th>
              <th className="py-1 text-right font-medium">Credit</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className="border-t border-stone-100">
                <td className="py-1">{formatDateTime(line.occurredAt)}</td>
                <td className="py-1">{line.description}</td>
                <td className="py-1 font-mono">{line.accountCode}</td>
                <td className="py-1 text-right tabular-nums">
                  {line.direction === "debit" ? formatMoney(line.amountMinor, line.currency) : ""}
                </td>
                <td className="py-1 text-right tabular-nums">
                  {line.direction === "credit" ? formatMoney(line.amountMinor, line.currency) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DetailSection>
  );
}
