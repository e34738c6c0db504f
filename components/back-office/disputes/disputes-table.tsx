import Link from "next/link";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { disputeReasonLabel, disputeStatusLabel } from "@/server/labels/staff-state-labels";
import { moneyColumn } from "../money-column";
import { formatTimeLeft, isDeadlineUrgent } from "./format-time-left";

type DisputeRow = {
  id: string;
  stripeDisputeId: string;
  status: string;
  reason: string;
  amountMinor: number;
  currency: string;
  evidenceDueBy: Date | null;
  evidenceSubmittedAt: Date | null;
  timeLeftMs: number | null;
  order: { id: string; customer: { email: string; name: string | null } };
};

const DISPUTE_COLUMNS: TableColumn<DisputeRow>[] = [
  {
    id: "due",
    header: "Evidence due",
    cell: (dispute) => {
      const urgent = !dispute.evidenceSubmittedAt && isDeadlineUrgent(dispute.timeLeftMs);
      return (
        <>
          <Link className="font-medium underline" href={`/dashboard/disputes/${dispute.id}`}>
            <DateTime value={dispute.evidenceDueBy} />
          </Link>
          <p className={urgent ? "font-medium text-red-900" : "text-stone-700"} data-testid="dispute-time-left">
            {dispute.evidenceSubmittedAt ? "Evidence submitted" : formatTimeLeft(dispute.timeLeftMs)}
          </p>
        </>
      );
    },
  },
  { id: "customer", header: "Customer", cell: (dispute) => dispute.order.customer.email },
  moneyColumn("amount", "Amount", (dispute) => ({ minor: dispute.amountMinor, currency: dispute.currency })),
  { id: "reason", header: "Reason", cell: (dispute) => disputeReasonLabel(dispute.reason) },
  { id: "status", header: "Status", cell: (dispute) => disputeStatusLabel(dispute.status) },
];

/** Disputes, soonest evidence deadline first, with the time left. */
export function DisputesTable({ disputes }: { disputes: DisputeRow[] }) {
  return (
    <DataTable
      label="Disputes by evidence deadline"
      columns={DISPUTE_COLUMNS}
      rows={disputes}
      empty="No disputes here."
      testId="disputes-table"
      rowTestId="dispute-row"
    />
  );
}
