"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { askReason } from "../ask-reason";

/** Concedes the dispute after a confirmation that says what it means; the reason goes in the audit log. */
export function AcceptDisputeButton({ disputeId, amount }: { disputeId: string; amount: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.disputes.accept.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={accept.isPending}
        onClick={() => {
          const confirmed = window.confirm(
            `Accept this dispute? You concede it: the cardholder keeps ${amount}, the dispute closes as lost and no evidence can be sent any more. This cannot be undone.`,
          );
          if (!confirmed) return;
          const reason = askReason("Why is the dispute accepted? (kept in the audit log)");
          if (reason) accept.mutate({ disputeId, reason });
        }}
      >
        {accept.isPending ? "Accepting…" : "Accept dispute"}
      </Button>
      {accept.error ? <Notice tone="error">{accept.error.message}</Notice> : null}
      {accept.isSuccess ? <Notice tone="success">Dispute accepted: it is closed as lost.</Notice> : null}
    </div>
  );
}
