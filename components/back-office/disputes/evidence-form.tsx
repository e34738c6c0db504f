"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { type DisputeEvidence, EVIDENCE_FILE_FIELDS, type EvidenceTextField } from "@/server/disputes/dispute-evidence";
import { evidenceFileFieldLabel, evidenceTextFieldLabel } from "@/server/labels/dispute-evidence-labels";
import { EvidenceFileInput } from "./evidence-file-input";

const TEXT_FIELDS: { field: EvidenceTextField; long?: boolean }[] = [
  { field: "customer_name" },
  { field: "customer_email_address" },
  { field: "shipping_address", long: true },
  { field: "shipping_carrier" },
  { field: "shipping_tracking_number" },
  { field: "shipping_date" },
  { field: "product_description", long: true },
  { field: "refund_policy_disclosure", long: true },
  { field: "refund_refusal_explanation", long: true },
  { field: "uncategorized_text", long: true },
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
      {TEXT_FIELDS.map(({ field, long }) => {
        const label = evidenceTextFieldLabel(field);
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
      <fieldset className="space-y-3 border-t border-stone-200 pt-3">
        <legend className="font-medium">Documents</legend>
        {EVIDENCE_FILE_FIELDS.map((field) => (
          <EvidenceFileInput
            key={field}
            disputeId={disputeId}
            field={field}
            label={evidenceFileFieldLabel(field)}
            fileId={evidence[field]}
            locked={locked}
            onAttached={(fileId) => setEvidence((current) => ({ ...current, [field]: fileId }))}
          />
        ))}
      </fieldset>
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
