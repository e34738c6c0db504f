"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/server/formatting/format-date-time";
import { type RunRow, RunsTable } from "./runs-table";

const field = "mt-1 block rounded-md border border-stone-400 px-2 py-1";
/** While a run runs (or one was just asked for), the list is read again this often. */
const WHILE_RUNNING_MS = 1500;
/** A requested run usually starts within seconds; after this the page stops waiting for it. */
const WAIT_FOR_START_MS = 60_000;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The runs list, read again while a run is running so its progress bar and rows read move on
 * their own, and (for those who may resolve differences) a form to reconcile a window now.
 */
export function LiveRuns({ initialRuns, canRequest }: { initialRuns: RunRow[]; canRequest: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [requestedAt, setRequestedAt] = useState<number | null>(null);
  const runs = useQuery(
    trpc.reconciliation.runs.queryOptions(
      { limit: Math.max(initialRuns.length, 10) },
      {
        initialData: initialRuns,
        refetchInterval: (query) => {
          const running = query.state.data?.some((run) => run.status === "running");
          const waiting = requestedAt !== null && Date.now() - requestedAt < WAIT_FOR_START_MS;
          return running || waiting ? WHILE_RUNNING_MS : false;
        },
      },
    ),
  );
  const [firstDay, setFirstDay] = useState(() => day(-1));
  const [lastDay, setLastDay] = useState(() => day(-1));
  const request = useMutation(
    trpc.reconciliation.requestRun.mutationOptions({
      onSuccess: () => {
        setRequestedAt(Date.now());
        void queryClient.invalidateQueries({ queryKey: trpc.reconciliation.runs.queryKey() });
      },
    }),
  );
  return (
    <div className="space-y-3">
      {canRequest ? (
        <form
          aria-label="Reconcile a window now"
          className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate({ firstDay, lastDay });
          }}
        >
          <div>
            <label htmlFor={`${id}-first`}>First day (UTC)</label>
            <input
              id={`${id}-first`}
              type="date"
              className={field}
              value={firstDay}
              onChange={(e) => setFirstDay(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor={`${id}-last`}>Last day (UTC)</label>
            <input
              id={`${id}-last`}
              type="date"
              className={field}
              value={lastDay}
              onChange={(e) => setLastDay(e.target.value)}
            />
          </div>
          <Button type="submit" disabled={request.isPending}>
            Run now
          </Button>
          {request.data ? (
            <Notice tone="success">
              Reconciliation of {formatDate(request.data.from)} to {formatDate(new Date(request.data.to.getTime() - 1))}{" "}
              requested; it shows below as soon as it starts.
            </Notice>
          ) : null}
          {request.error ? <Notice tone="error">{request.error.message}</Notice> : null}
        </form>
      ) : null}
      {runs.error ? <Notice tone="error">{runs.error.message}</Notice> : null}
      <RunsTable runs={runs.data ?? initialRuns} />
    </div>
  );
}
