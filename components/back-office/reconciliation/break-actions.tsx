"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ADJUSTMENT_REASON_OPTIONS, RESOLUTION_LABELS } from "@/server/reconciliation/reconciliation-labels";
import { adjustmentAmountDraft, adjustmentAmountInput } from "./adjustment-amount-input";

type Resolution = "matched_by_hand" | "adjusting_entry" | "written_off";
const field = "mt-1 block w-full rounded-md border border-stone-400 px-2 py-1";

/** Assign the difference, then resolve it: matched by hand, by an adjusting entry, or written off. */
export function BreakActions({
  breakId,
  currency,
  amountMinor,
  owners,
  ownerId: currentOwner,
}: {
  breakId: string;
  currency: string | null;
  amountMinor: number;
  owners: { id: string; name: string }[];
  ownerId: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [ownerId, setOwnerId] = useState(currentOwner ?? owners[0]?.id ?? "");
  const [dueOn, setDueOn] = useState(() => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [resolution, setResolution] = useState<Resolution>("adjusting_entry");
  const [reasonCode, setReasonCode] = useState(ADJUSTMENT_REASON_OPTIONS[0]!.value);
  const [amount, setAmount] = useState(() => adjustmentAmountDraft(amountMinor, currency));
  const [amountProblem, setAmountProblem] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const refresh = { onSuccess: () => router.refresh() };
  const assign = useMutation(trpc.reconciliation.assign.mutationOptions(refresh));
  const resolve = useMutation(trpc.reconciliation.resolve.mutationOptions(refresh));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form
        aria-label="Assign"
        className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          assign.mutate({ breakIds: [breakId], ownerId, dueOn });
        }}
      >
        <h2 className="font-semibold text-stone-900">Assign</h2>
        <label className="block" htmlFor={`${id}-owner`}>
          Owner
        </label>
        <select id={`${id}-owner`} className={field} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
        <label className="block" htmlFor={`${id}-due`}>
          Due on
        </label>
        <input
          id={`${id}-due`}
          type="date"
          className={field}
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
        <Button type="submit" disabled={assign.isPending || !ownerId}>
          Assign
        </Button>
        {assign.error ? <Notice tone="error">{assign.error.message}</Notice> : null}
      </form>
      <form
        aria-label="Resolve"
        className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (resolution === "adjusting_entry") {
            const typed = adjustmentAmountInput(amount, currency);
            setAmountProblem(typed.ok ? null : typed.message);
            if (!typed.ok || !currency) return;
            resolve.mutate({
              breakId,
              resolution,
              reason,
              adjustment: { reasonCode: reasonCode as never, amountMinor: typed.amountMinor, currency },
            });
          } else {
            resolve.mutate({ breakId, resolution, reason });
          }
        }}
      >
        <h2 className="font-semibold text-stone-900">Resolve</h2>
        <label className="block" htmlFor={`${id}-resolution`}>
          How
        </label>
        <select
          id={`${id}-resolution`}
          className={field}
          value={resolution}
          onChange={(e) => setResolution(e.target.value as Resolution)}
        >
          {(["adjusting_entry", "matched_by_hand", "written_off"] as const).map((value) => (
            <option key={value} value={value}>
              {RESOLUTION_LABELS[value]}
            </option>
          ))}
        </select>
        {resolution === "adjusting_entry" ? (
          <>
            <label className="block" htmlFor={`${id}-code`}>
              Adjustment
            </label>
            <select
              id={`${id}-code`}
              className={field}
              value={reasonCode}
              onChange={(e) => setReasonCode(e.target.value)}
            >
              {ADJUSTMENT_REASON_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <label className="block" htmlFor={`${id}-amount`}>
              Amount in {currency ?? "the difference's currency"} (negative reverses the sides)
            </label>
            <input
              id={`${id}-amount`}
              inputMode="decimal"
              className={field}
              value={amount}
              aria-invalid={amountProblem ? true : undefined}
              aria-describedby={amountProblem ? `${id}-amount-problem` : undefined}
              onChange={(e) => {
                setAmount(e.target.value);
                setAmountProblem(null);
              }}
            />
            {amountProblem ? (
              <p id={`${id}-amount-problem`} role="alert" className="text-red-800">
                {amountProblem}
              </p>
            ) : null}
          </>
        ) : null}
        <label className="block" htmlFor={`${id}-reason`}>
          Reason
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          className={field}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="submit" disabled={resolve.isPending}>
          Resolve
        </Button>
        {resolve.error ? <Notice tone="error">{resolve.error.message}</Notice> : null}
      </form>
    </div>
  );
}
