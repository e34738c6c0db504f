"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { REFUND_REASON_LABELS } from "@/server/labels/staff-state-labels";
import { formatMoney } from "@/server/money/format-money";
import { REFUND_REASON_CODES, type RefundReasonCode } from "@/server/refunds/refund-status";
import { type RefundFormState, type RefundMode, refundFormInput } from "./refund-form-input";

type Summary = {
  currency: string;
  refundableMinor: number;
  lines: { id: string; productName: string; quantity: number; lineTotalMinor: number; refundableQuantity: number }[];
};

const MODES: { value: RefundMode; label: string }[] = [
  { value: "full", label: "Everything left" },
  { value: "amount", label: "An amount" },
  { value: "lines", label: "By line" },
];

/**
 * Asks for a refund. The idempotency key is made once per form, so a double click or a retried
 * request refunds once; the panel remounts the form (a new key) after each refund.
 */
export function RefundForm({
  orderId,
  summary,
  onRequested,
}: {
  orderId: string;
  summary: Summary;
  onRequested: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<RefundFormState>({ mode: "lines", amount: "", quantities: {} });
  const [reasonCode, setReasonCode] = useState<RefundReasonCode>("requested_by_customer");
  const [note, setNote] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const request = useMutation(trpc.refunds.request.mutationOptions({ onSuccess: () => onRequested() }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = refundFormInput(state, summary);
    if (!parsed.ok) {
      setFormError(parsed.message);
      return;
    }
    setFormError(null);
    request.mutate({ orderId, ...parsed.value, reasonCode, note: note.trim() || undefined, idempotencyKey });
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-stone-300 bg-white p-4" aria-label="Refund">
      <fieldset>
        <legend className="text-sm font-medium">What to refund</legend>
        <div className="mt-2 flex gap-4">
          {MODES.map((mode) => (
            <label key={mode.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode.value}
                checked={state.mode === mode.value}
                onChange={() => setState((current) => ({ ...current, mode: mode.value }))}
              />
              {mode.label}
            </label>
          ))}
        </div>
      </fieldset>
      {state.mode === "full" ? (
        <p className="text-sm">Refunds {formatMoney(summary.refundableMinor, summary.currency)}, everything left.</p>
      ) : null}
      {state.mode === "amount" ? (
        <label className="block text-sm">
          Amount ({summary.currency})
          <input
            inputMode="decimal"
            className="mt-1 block w-40 rounded-md border border-stone-400 px-2 py-1"
            value={state.amount}
            onChange={(event) => setState((current) => ({ ...current, amount: event.target.value }))}
          />
        </label>
      ) : null}
      {state.mode === "lines" ? (
        <DataTable
          label="Units to refund per line"
          density="inset"
          rows={summary.lines}
          columns={[
            { id: "item", header: "Item", cell: (line) => `${line.quantity} × ${line.productName}` },
            { id: "total", header: "Line total", cell: (line) => formatMoney(line.lineTotalMinor, summary.currency) },
            {
              id: "units",
              header: "Units to refund",
              cell: (line) => (
                <>
                  <input
                    type="number"
                    min={0}
                    max={line.refundableQuantity}
                    disabled={line.refundableQuantity === 0}
                    aria-label={`Units of ${line.productName} to refund`}
                    className="w-20 rounded-md border border-stone-400 px-2 py-1"
                    value={state.quantities[line.id] ?? 0}
                    onChange={(event) => {
                      const quantity = Math.max(0, Math.min(line.refundableQuantity, Number(event.target.value) || 0));
                      setState((current) => ({
                        ...current,
                        quantities: { ...current.quantities, [line.id]: quantity },
                      }));
                    }}
                  />{" "}
                  <span className="text-stone-700">of {line.refundableQuantity}</span>
                </>
              ),
            },
          ]}
        />
      ) : null}
      <div className="flex flex-wrap gap-4">
        <label className="block text-sm">
          Reason
          <select
            className="mt-1 block rounded-md border border-stone-400 px-2 py-1"
            value={reasonCode}
            onChange={(event) => setReasonCode(event.target.value as RefundReasonCode)}
          >
            {REFUND_REASON_CODES.map((code) => (
              <option key={code} value={code}>
                {REFUND_REASON_LABELS[code]}
              </option>
            ))}
          </select>
        </label>
        <label className="block flex-1 text-sm">
          Note
          <input
            className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1"
            value={note}
            maxLength={1000}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
      </div>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      {request.isError ? <Notice tone="error">{request.error.message}</Notice> : null}
      <Button type="submit" disabled={request.isPending}>
        {request.isPending ? "Requesting…" : "Request refund"}
      </Button>
    </form>
  );
}
