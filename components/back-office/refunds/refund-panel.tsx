"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Notice } from "@/components/ui/notice";
import { rolesWithPermission } from "@/server/labels/staff-access-labels";
import { disputeStatusLabel } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money/format-money";
import { RefundForm } from "./refund-form";
import { RefundList } from "./refund-list";

const MOVING = new Set(["issuing", "pending", "requires_action"]);

/**
 * The actions of an order's refunds section: what is left to refund, the form (for those who may
 * request refunds) and refunds stuck on their way to Stripe. While a refund is on its way its
 * status is polled, and the page (whose list of refunds is rendered on the server) is refreshed
 * whenever a status changes, so staff watch pending turn into succeeded.
 */
export function RefundPanel({ orderId, canRequest }: { orderId: string; canRequest: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const forOrder = useQuery({
    ...trpc.refunds.forOrder.queryOptions({ orderId }),
    refetchInterval: (query) => (query.state.data?.refunds.some((refund) => MOVING.has(refund.status)) ? 1000 : false),
  });
  const router = useRouter();
  const statuses = forOrder.data?.refunds.map((refund) => `${refund.id}:${refund.status}`).join(",");
  const shownStatuses = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (statuses === undefined) return;
    // Only a real change refreshes: a refresh per render would cancel the one before, forever.
    if (shownStatuses.current !== undefined && shownStatuses.current !== statuses) router.refresh();
    shownStatuses.current = statuses;
  }, [statuses, router]);
  const retry = useMutation(
    trpc.refunds.retryIssue.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.refunds.forOrder.queryKey({ orderId }) }),
    }),
  );

  if (forOrder.isPending) return <p className="text-sm text-stone-700">Loading refunds…</p>;
  if (forOrder.isError) return <Notice tone="error">Refunds could not be loaded: {forOrder.error.message}</Notice>;
  const { summary, refunds } = forOrder.data;

  return (
    <div className="mb-4 space-y-4" data-testid="refund-panel">
      {summary ? (
        <dl className="grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-stone-700">Captured</dt>
            <dd className="font-medium">{formatMoney(summary.capturedMinor, summary.currency)}</dd>
          </div>
          <div>
            <dt className="text-stone-700">Refunded or on its way</dt>
            <dd className="font-medium">{formatMoney(summary.committedMinor, summary.currency)}</dd>
          </div>
          <div>
            <dt className="text-stone-700">Left to refund</dt>
            <dd className="font-medium" data-testid="refundable-amount">
              {formatMoney(summary.refundableMinor, summary.currency)}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-stone-700">This order has no captured payment, so there is nothing to refund.</p>
      )}
      {summary && summary.failedRefunds > 0 ? (
        <Notice tone="error">
          {summary.failedRefunds === 1 ? "A refund" : `${summary.failedRefunds} refunds`} on this order failed; the
          customer has not been paid back.
        </Notice>
      ) : null}
      {summary?.openDispute ? (
        <Notice tone="warning">
          This payment is disputed ({disputeStatusLabel(summary.openDispute.status).toLowerCase()}). Refunds are blocked
          until the dispute closes: the card network would return the money twice.
        </Notice>
      ) : null}
      {summary && canRequest && !summary.openDispute && summary.refundableMinor > 0 ? (
        <RefundForm
          key={formKey}
          orderId={orderId}
          summary={summary}
          onRequested={() => {
            setFormKey((key) => key + 1);
            void queryClient.invalidateQueries({ queryKey: trpc.refunds.forOrder.queryKey({ orderId }) });
          }}
        />
      ) : null}
      {!canRequest ? (
        <p className="text-sm text-stone-700" data-testid="refunds-forbidden">
          Only {rolesWithPermission("refunds.request")} can request refunds. An admin can change your role on the Staff
          page.
        </p>
      ) : null}
      <RefundList
        refunds={refunds.filter((refund) => MOVING.has(refund.status))}
        canRetry={canRequest}
        retrying={retry.isPending}
        onRetry={(refundId) => retry.mutate({ refundId })}
      />
      {retry.isError ? <Notice tone="error">{retry.error.message}</Notice> : null}
    </div>
  );
}
