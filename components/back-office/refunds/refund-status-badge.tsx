import { refundStatusLabel } from "@/server/labels/staff-state-labels";

const TONE: Record<string, string> = {
  awaiting_approval: "bg-amber-100 text-amber-950",
  issuing: "bg-sky-100 text-sky-950",
  pending: "bg-sky-100 text-sky-950",
  requires_action: "bg-amber-100 text-amber-950",
  succeeded: "bg-emerald-100 text-emerald-950",
  failed: "bg-red-100 text-red-950",
  rejected: "bg-stone-200 text-stone-900",
  canceled: "bg-stone-200 text-stone-900",
};

export function RefundStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-testid="refund-status"
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status] ?? "bg-stone-200 text-stone-900"}`}
    >
      {refundStatusLabel(status)}
    </span>
  );
}
