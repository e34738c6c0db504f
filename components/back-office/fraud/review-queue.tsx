"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { fraudReviewSourceLabel, fraudSignalLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money/format-money";

/** Held payments, oldest first: what fired, the customer's history, when the hold runs out. */
export function ReviewQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.fraud.reviewQueue.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fraud.reviewQueue.queryKey() });
  const approve = useMutation(trpc.fraud.approveReview.mutationOptions({ onSettled: refresh }));
  const reject = useMutation(trpc.fraud.rejectReview.mutationOptions({ onSettled: refresh }));
  const [reasons, setReasons] = useState<Record<string, string>>({});

  if (queue.isPending) return <p className="text-sm">Loading…</p>;
  if (queue.isError) return <Notice tone="error">{queue.error.message}</Notice>;
  const error = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;
  return (
    <div className="space-y-4">
      {error ? <Notice tone="error">{error.message}</Notice> : null}
      {queue.data.length === 0 ? <p className="text-sm text-stone-700">No payments are waiting for review.</p> : null}
      <ul className="space-y-3">
        {queue.data.map((review) => (
          <li key={review.id} className="rounded-lg border border-stone-300 bg-white p-4" data-testid="review-item">
            <p className="font-medium">
              {formatMoney(review.amountMinor, review.currency)} from{" "}
              <Link className="underline" href={`/dashboard/orders/${review.orderId}`}>
                {review.email}
              </Link>
            </p>
            <p className="text-sm text-stone-700">
              {fraudReviewSourceLabel(review.source)} · held since <DateTime value={review.openedAt} />
            </p>
            {review.authorisationExpiresAt ? (
              <p className={review.expiresSoon ? "text-sm font-medium text-red-800" : "text-sm text-stone-700"}>
                {review.expiresSoon ? "The card authorisation expires soon: " : "The card authorisation expires "}
                <DateTime value={review.authorisationExpiresAt} />
              </p>
            ) : (
              <p className="text-sm text-stone-700">The money was captured; rejecting refunds it in full.</p>
            )}
            <ul className="mt-2 list-disc pl-5 text-sm">
              {review.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {review.signals.length > 0 ? (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                {review.signals.map((signal) => (
                  <div key={signal.name} className="contents">
                    <dt className="text-stone-700">{fraudSignalLabel(signal.name)}</dt>
                    <dd>{typeof signal.value === "boolean" ? (signal.value ? "Yes" : "No") : signal.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <p className="mt-2 text-sm text-stone-700">
              Customer history: {review.history.paidOrders} paid orders, {review.history.refunds} refunds,{" "}
              {review.history.disputes} disputes
              {review.history.otherEmailsOnCard.length > 0
                ? `; this card was also used by ${review.history.otherEmailsOnCard.join(", ")}`
                : ""}
            </p>
            <div className="mt-3 flex flex-wrap items-end gap-2">
              <Button disabled={busy} onClick={() => approve.mutate({ reviewId: review.id })}>
                {review.captured ? "Keep the payment" : "Approve and capture"}
              </Button>
              <label className="text-sm">
                {review.captured ? "Reason to refund" : "Reason to reject"}
                <input
                  className="ml-2 rounded-md border border-stone-400 px-2 py-1"
                  value={reasons[review.id] ?? ""}
                  onChange={(event) => setReasons((current) => ({ ...current, [review.id]: event.target.value }))}
                />
              </label>
              <Button
                variant="secondary"
                disabled={busy || !(reasons[review.id] ?? "").trim()}
                onClick={() => reject.mutate({ reviewId: review.id, reason: reasons[review.id] ?? "" })}
              >
                {review.captured ? "Refund in full" : "Reject and release"}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
