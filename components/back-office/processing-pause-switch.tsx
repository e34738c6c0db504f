"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { askReason } from "./ask-reason";

/** Pause (maintenance, an incident) and resume the processing of Stripe events; both audited. */
export function ProcessingPauseSwitch() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pause = useQuery(trpc.operations.processingPause.queryOptions());
  const change = useMutation(
    trpc.operations.setProcessingPaused.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  if (pause.isPending) return null;
  const paused = pause.data != null;
  return (
    <section aria-labelledby="processing-heading" className="space-y-2">
      <h2 id="processing-heading" className="text-lg font-semibold text-stone-900">
        Processing of Stripe events
      </h2>
      {paused ? (
        <Notice tone="warning">
          Paused since <DateTime value={pause.data!.pausedAt} />: {pause.data!.reason}. Events are still received and
          wait until you resume.
        </Notice>
      ) : (
        <p className="text-sm text-stone-700">Running: each event is applied as soon as it arrives.</p>
      )}
      <Button
        type="button"
        disabled={change.isPending}
        onClick={() => {
          const reason = askReason(
            paused ? "Why resume processing? (for the audit log)" : "Why pause processing? (for the audit log)",
          );
          if (reason) change.mutate({ paused: !paused, reason });
        }}
      >
        {paused ? "Resume processing" : "Pause processing"}
      </Button>
      {change.error ? <Notice tone="error">{change.error.message}</Notice> : null}
    </section>
  );
}
