import Link from "next/link";
import { disputeStatusLabel } from "@/server/labels/staff-state-labels";

/** Links from an order's disputes section to each dispute's page, where evidence is answered. */
export function OrderDisputeLinks({ disputes }: { disputes: { id: string; status: string }[] }) {
  if (disputes.length === 0) return null;
  return (
    <ul className="mb-2 space-y-1">
      {disputes.map((dispute) => (
        <li key={dispute.id}>
          <Link className="text-emerald-800 underline" href={`/dashboard/disputes/${dispute.id}`}>
            Open dispute ({disputeStatusLabel(dispute.status).toLowerCase()})
          </Link>
        </li>
      ))}
    </ul>
  );
}
