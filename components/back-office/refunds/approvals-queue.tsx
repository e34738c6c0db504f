"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { refundReasonLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money/format-money";

/** Refunds above the approval threshold, oldest first; approve sends to Stripe, reject needs a reason. */
export function ApprovalsQueue({ staffUserId }: { staffUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.refunds.awaitingApproval.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.refunds.awaitingApproval.queryKey() });
  const approve = useMutation(trpc.refunds.approve.mutationOptions({ onSettled: refresh }));
  const reject = useMutation(trpc.refunds.reject.mutationOptions({ onSettled: refresh }));
  const [reasons, setReasons] = useState<Record<string, string>>({});

  if (queue.isPending) return <p className="text-sm">Loading…</p>;
  if (queue.isError) return <Notice tone="error">{queue.error.message}</Notice>;
  const error = approve.error ?? reject.error;
  return (
    <div className="space-y-4">
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      {queue.data.length === 0 ? <p className="text-sm text-stone-700">No refunds are waiting for approval.</p> : null}
      <ul className="space-y-3">
        {queue.data.map((refund) => {
          const own = refund.requestedById === staffUserId;
          return (
            <li key={refund.id} className="rounded-lg border border-stone-300 bg-white p-4" data-testid="approval-item">
              <p className="font-medium">
                {formatMoney(refund.amountMinor, refund.currency)} for{" "}
                <Link className="underline" href={`/dashboard/orders/${refund.orderId}`}>
                  {refund.order.customer.email}
                </Link>
              </p>
              <p className="text-sm text-stone-700">
                {refundReasonLabel(refund.reasonCode)}
                {refund.note ? ` — ${refund.note}` : ""} · requested by {refund.requestedByName} on{" "}
                <DateTime value={refund.createdAt} />
              </p>
              {own ? (
                <p className="mt-2 text-sm text-amber-900">
                  You requested this refund: someone else must approve or reject it.
                </p>
              ) : null}
              <div className="mt-3 flex flex-wrap items-end gap-2">
                <Button disabled={approve.isPending} onClick={() => approve.mutate({ refundId: refund.id })}>
                  Approve
                </Button>
                <label className="text-sm">
                  Reason to reject
                  <input
                    className="ml-2 rounded-md border border-stone-400 px-2 py-1"
                    value={reasons[refund.id] ?? ""}
                    onChange={(event) => setReasons((current) => ({ ...current, [refund.id]: event.target.value }))}
                  />
                </label>
                <Button
                  variant="secondary"
                  disabled={reject.isPending || !(reasons[refund.id] ?? "").trim()}
                  onClick={() => reject.mutate({ refundId: refund.id, reason: reasons[refund.id] ?? "" })}
                >
                  Reject
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
