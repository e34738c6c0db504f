"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { apiErrorText } from "./api-error-text";

/** Start a sync by hand; send every failed journal again. Both run in the background. */
export function SyncControls({ connectionId, failed }: { connectionId: string; failed: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.accounting.pathKey() });
      router.refresh();
    },
  };
  const sync = useMutation(trpc.accounting.startSync.mutationOptions(refresh));
  const retryAll = useMutation(trpc.accounting.retry.mutationOptions(refresh));
  const error = sync.error ?? retryAll.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={sync.isPending} onClick={() => sync.mutate({ connectionId })}>
          Sync now
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={retryAll.isPending || failed === 0}
          onClick={() => retryAll.mutate({ connectionId })}
        >
          Retry all failed journals
        </Button>
      </div>
      {sync.isSuccess ? <Notice tone="success">Sync started. Journals appear below as they are sent.</Notice> : null}
      {retryAll.isSuccess ? (
        <Notice tone="success">
          {retryAll.data.retried} failed journal{retryAll.data.retried === 1 ? "" : "s"} will be sent again.
        </Notice>
      ) : null}
      {error ? <Notice tone="error">{apiErrorText(error, "That did not work; try again.")}</Notice> : null}
    </div>
  );
}
