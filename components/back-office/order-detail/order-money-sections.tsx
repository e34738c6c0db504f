import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { rolesWithPermission } from "@/server/labels/staff-access-labels";
import { disputeReasonLabel, disputeStatusLabel, refundStatusLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money";
import type {
  OrderDisputeSummary,
  OrderLedgerLine,
  OrderRefundSummary,
} from "@/server/orders-workspace/order-detail-sections";
import { moneyColumn } from "../money-column";
import { DetailSection, EmptyNote } from "./detail-section";

/**
 * Refunds, disputes and ledger lines of an order. Their data comes from the loaders in
 * server/orders-workspace/order-detail-sections.ts; actions on them (request or approve a refund,
 * answer a dispute) go in the `actions` slot, each behind its own permission.
 */
/** Why a refund waits, and who may decide it: the requester would otherwise read only "Awaiting approval". */
function AwaitingApprovalNote({ refund, thresholdMinor }: { refund: OrderRefundSummary; thresholdMinor: number }) {
  return (
    <p className="text-sm text-amber-900" data-testid="refund-approval-note">
      It waits for approval because refunds on this payment without approval would pass{" "}
      {formatMoney(thresholdMinor, refund.currency)}. {rolesWithPermission("refunds.approve")} can approve or reject it
      on the Refund approvals page, except the person who asked for it.
    </p>
  );
}

function RefundDecision({ decision }: { decision: NonNullable<OrderRefundSummary["decision"]> }) {
  return (
    <p className="text-sm text-stone-700" data-testid="refund-decision">
      {decision.outcome === "approved" ? "Approved" : "Rejected"} by {decision.by}
      {decision.at ? (
        <>
          {" "}
          on <DateTime value={decision.at} />
        </>
      ) : null}
      {decision.note ? `: ${decision.note}` : null}
    </p>
  );
}

export function RefundsSection({
  refunds,
  actions,
  approvalThresholdMinor,
}: {
  refunds: OrderRefundSummary[];
  actions?: React.ReactNode;
  approvalThresholdMinor: number;
}) {
  return (
    <DetailSection id="refunds-heading" title="Refunds">
      {actions}
      {refunds.length === 0 ? (
        <EmptyNote>No refunds.</EmptyNote>
      ) : (
        <ul className="space-y-1">
          {refunds.map((refund) => (
            <li key={refund.id}>
              {formatMoney(refund.amountMinor, refund.currency)} · {refundStatusLabel(refund.status)} ·{" "}
              <DateTime value={refund.createdAt} />
              {refund.reason ? ` · ${refund.reason}` : ""}
              {refund.requestedBy ? ` · ${refund.requestedBy}` : ""}
              {refund.status === "awaiting_approval" ? (
                <AwaitingApprovalNote refund={refund} thresholdMinor={approvalThresholdMinor} />
              ) : null}
              {refund.decision ? <RefundDecision decision={refund.decision} /> : null}
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
              {formatMoney(dispute.amountMinor, dispute.currency)} · {disputeStatusLabel(dispute.status)}
              {dispute.reason ? ` · ${disputeReasonLabel(dispute.reason)}` : ""}
              {dispute.evidenceDueBy ? (
                <>
                  {" "}
                  · evidence due <DateTime value={dispute.evidenceDueBy} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}

const amountOf = (line: OrderLedgerLine) => ({ minor: line.amountMinor, currency: line.currency });

const LEDGER_COLUMNS: TableColumn<OrderLedgerLine>[] = [
  { id: "when", header: "When", cell: (line) => <DateTime value={line.occurredAt} /> },
  { id: "entry", header: "Entry", cell: (line) => line.description },
  { id: "account", header: "Account", className: "font-mono", cell: (line) => line.accountCode },
  moneyColumn("debit", "Debit", (line) => (line.direction === "debit" ? amountOf(line) : null)),
  moneyColumn("credit", "Credit", (line) => (line.direction === "credit" ? amountOf(line) : null)),
];

export function LedgerSection({ lines }: { lines: OrderLedgerLine[] }) {
  return (
    <DetailSection id="ledger-heading" title="Ledger lines">
      <DataTable
        label="Ledger lines of this order"
        density="inset"
        rows={lines}
        empty="No ledger entries."
        columns={LEDGER_COLUMNS}
      />
    </DetailSection>
  );
}
