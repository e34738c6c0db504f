"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { DisputeEvidence, EvidenceField } from "@/server/disputes/dispute-evidence";

const FIELDS: { field: EvidenceField; label: string; long?: boolean }[] = [
  { field: "customer_name", label: "Customer name" },
  { field: "customer_email_address", label: "Customer email" },
  { field: "shipping_address", label: "Shipping address", long: true },
  { field: "shipping_carrier", label: "Shipping carrier" },
  { field: "shipping_tracking_number", label: "Tracking number" },
  { field: "shipping_date", label: "Shipping date" },
  { field: "receipt", label: "Receipt", long: true },
  { field: "product_description", label: "Product description", long: true },
  { field: "customer_communication", label: "Communication with the customer", long: true },
  { field: "refund_policy", label: "Refund policy", long: true },
  { field: "uncategorized_text", label: "Anything else", long: true },
];

/**
 * The evidence form, pre-filled from the order. A draft stays in PayOps; submitting sends it to
 * Stripe, which takes evidence once, so after that the form is read-only.
 */
export function EvidenceForm({
  disputeId,
  initial,
  readOnly,
  canRespond,
}: {
  disputeId: string;
  initial: DisputeEvidence;
  readOnly: boolean;
  canRespond: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const [evidence, setEvidence] = useState<DisputeEvidence>(initial);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation(trpc.disputes.saveDraft.mutationOptions());
  const submit = useMutation(trpc.disputes.submit.mutationOptions({ onSuccess: () => router.refresh() }));
  const locked = readOnly || !canRespond || submit.isSuccess;

  return (
    <form
      aria-label="Dispute evidence"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!confirming) return setConfirming(true);
        submit.mutate({ disputeId, evidence });
      }}
    >
      {readOnly ? (
        <Notice>Evidence was submitted to Stripe or the dispute no longer takes evidence; this is read-only.</Notice>
      ) : null}
      {!readOnly && !canRespond ? (
        <Notice tone="warning">Your role may read this dispute but not respond to it.</Notice>
      ) : null}
      {FIELDS.map(({ field, label, long }) => {
        const inputId = `${formId}-${field}`;
        const shared = {
          id: inputId,
          name: field,
          readOnly: locked,
          className: "mt-1 block w-full rounded-md border border-stone-400 px-2 py-1 read-only:bg-stone-100",
          value: evidence[field] ?? "",
          onChange: (event: { target: { value: string } }) =>
            setEvidence((current) => ({ ...current, [field]: event.target.value })),
        };
        return (
          <div key={field} className="text-sm">
            <label htmlFor={inputId}>{label}</label>
            {long ? <textarea rows={4} {...shared} /> : <input {...shared} />}
          </div>
        );
      })}
      {save.isSuccess && !save.isPending ? <Notice tone="success">Draft saved.</Notice> : null}
      {submit.isSuccess ? <Notice tone="success">Evidence submitted to Stripe.</Notice> : null}
      {save.isError ? <Notice tone="error">{save.error.message}</Notice> : null}
      {submit.isError ? <Notice tone="error">{submit.error.message}</Notice> : null}
      {locked ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" disabled={save.isPending} onClick={() => save.mutate({ disputeId, evidence })}>
            {save.isPending ? "Saving…" : "Save draft"}
          </Button>
          {confirming ? (
            <>
              <span className="text-sm">Stripe takes evidence once. Submit it now?</span>
              <Button type="submit" disabled={submit.isPending}>
                {submit.isPending ? "Submitting…" : "Yes, submit to Stripe"}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Not yet
              </Button>
            </>
          ) : (
            <Button type="submit">Submit evidence</Button>
          )}
        </div>
      )}
    </form>
  );
}
