"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Notice } from "@/components/ui/notice";
import { describeAttemptOutcome } from "@/server/operations/describe-dead-letter";
import { askReason } from "./ask-reason";
import { StatCard } from "./stat-card";

type Counts = { received: number; processed: number; pending: number; dead: number; oldestPendingAt: Date | null };

function CountsRow({ title, counts, noun }: { title: string; counts: Counts; noun: string }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
      <dl className="grid gap-3 sm:grid-cols-4">
        <StatCard label={`${noun} received`} value={String(counts.received)} />
        <StatCard label="Done" value={String(counts.processed)} />
        <StatCard
          label="Waiting"
          value={String(counts.pending)}
          hint={
            counts.oldestPendingAt ? (
              <>
                oldest since <DateTime value={counts.oldestPendingAt} />
              </>
            ) : (
              "none waiting"
            )
          }
        />
        <StatCard label="Set aside" value={String(counts.dead)} />
      </dl>
    </section>
  );
}

export function OperationsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.operations.deadLetters.queryOptions());
  const refresh = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.operations.deadLetters.queryKey() }),
  };
  const replay = useMutation(trpc.operations.replay.mutationOptions(refresh));
  const discard = useMutation(trpc.operations.discard.mutationOptions(refresh));
  const failure = replay.error ?? discard.error ?? overview.error;
  const data = overview.data;

  return (
    <div className="space-y-6">
      {failure ? <Notice tone="error">{failure.message}</Notice> : null}
      {replay.data ? <Notice tone="success">Sent again: {replay.data.outcome}.</Notice> : null}
      {data ? (
        <>
          <CountsRow title="Stripe events received" counts={data.inbox} noun="Events" />
          <CountsRow title="Calls to Stripe" counts={data.outbox} noun="Calls" />
        </>
      ) : null}
      <h2 className="text-lg font-semibold text-stone-900">Set aside after failing too often</h2>
      <DataTable
        label="Set aside after failing too often"
        rows={data?.deadLetters ?? []}
        rowKey={(row) => `${row.source}:${row.id}`}
        empty={overview.isPending ? "Loading…" : "Nothing is set aside."}
        columns={[
          { id: "what", header: "What", cell: (row) => row.what },
          { id: "reference", header: "Reference", cell: (row) => <code className="text-xs">{row.reference}</code> },
          { id: "attempts", header: "Tries", cell: (row) => String(row.attempts) },
          {
            id: "error",
            header: "Last error",
            cell: (row) => (
              <div className="max-w-md space-y-1 text-sm">
                <p className="break-words">{row.lastError ?? "none recorded"}</p>
                {row.history.length > 0 ? (
                  <details>
                    <summary className="cursor-pointer text-stone-700">History ({row.history.length} tries)</summary>
                    <ol className="mt-1 list-decimal pl-5">
                      {row.history.map((attempt) => (
                        <li key={`${attempt.attempt}-${String(attempt.at)}`}>
                          <DateTime value={attempt.at} />: {describeAttemptOutcome(attempt.outcome)}
                          {attempt.error ? ` (${attempt.error})` : ""}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </div>
            ),
          },
          { id: "since", header: "First seen", cell: (row) => <DateTime value={row.firstSeenAt} /> },
          { id: "parked", header: "Set aside", cell: (row) => <DateTime value={row.parkedAt} /> },
          {
            id: "actions",
            header: "Actions",
            cell: (row) => (
              <div className="flex gap-2">
                <Button
                  size="sm"
                  onClick={() => {
                    const reason = askReason("Why send it again? (for the audit log)");
                    if (reason) replay.mutate({ source: row.source, id: row.id, reason });
                  }}
                >
                  Send again
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => {
                    const reason = askReason("Why set it aside for good? (for the audit log)");
                    if (reason) discard.mutate({ source: row.source, id: row.id, reason });
                  }}
                >
                  Set aside for good
                </Button>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
