import Link from "next/link";
import { formatMoney } from "@/server/money/format-money";
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

/** Disputes, soonest evidence deadline first, with the time left. */
export function DisputesTable({ disputes }: { disputes: DisputeRow[] }) {
  if (disputes.length === 0) return <p className="text-sm text-stone-700">No disputes here.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="disputes-table">
      <caption className="sr-only">Disputes by evidence deadline</caption>
      <thead className="border-b border-stone-300 text-stone-700">
        <tr>
          <th scope="col" className="py-2">
            Evidence due
          </th>
          <th scope="col">Customer</th>
          <th scope="col">Amount</th>
          <th scope="col">Reason</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {disputes.map((dispute) => {
          const urgent = !dispute.evidenceSubmittedAt && isDeadlineUrgent(dispute.timeLeftMs);
          return (
            <tr key={dispute.id} className="border-b border-stone-200" data-testid="dispute-row">
              <td className="py-2">
                <Link className="font-medium underline" href={`/dashboard/disputes/${dispute.id}`}>
                  {dispute.evidenceDueBy
                    ? `${dispute.evidenceDueBy.toISOString().slice(0, 16).replace("T", " ")} UTC`
                    : "—"}
                </Link>
                <p className={urgent ? "font-medium text-red-900" : "text-stone-700"} data-testid="dispute-time-left">
                  {dispute.evidenceSubmittedAt ? "Evidence submitted" : formatTimeLeft(dispute.timeLeftMs)}
                </p>
              </td>
              <td>{dispute.order.customer.email}</td>
              <td>{formatMoney(dispute.amountMinor, dispute.currency)}</td>
              <td>{dispute.reason.replaceAll("_", " ")}</td>
              <td>{dispute.status.replaceAll("_", " ")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
