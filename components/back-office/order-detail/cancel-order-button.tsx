"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { askReason } from "../ask-reason";

/** Cancels an unpaid order and its payment at Stripe, after asking why (the reason goes in the audit log). */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.orders.cancel.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={cancel.isPending}
        onClick={() => {
          const reason = askReason(
            "Cancel this unpaid order? The customer can no longer pay it. Why is it canceled? (kept in the audit log)",
          );
          if (reason) cancel.mutate({ orderId, reason });
        }}
      >
        {cancel.isPending ? "Canceling…" : "Cancel order"}
      </Button>
      {cancel.error ? <Notice tone="error">{cancel.error.message}</Notice> : null}
      {cancel.isSuccess ? <Notice tone="success">Cancel sent to Stripe.</Notice> : null}
    </div>
  );
}
