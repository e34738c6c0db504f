"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Notice } from "@/components/ui/notice";
import type { EvidenceFileField } from "@/server/disputes/dispute-evidence";
import { EVIDENCE_FILE_ATTACHED, EVIDENCE_FILE_HINT } from "@/server/labels/dispute-evidence-labels";

/** The file's bytes as base64, in slices so a 5 MB file does not overflow the argument list. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** One evidence field that takes a file: uploaded to Stripe at once, its id kept in the form. */
export function EvidenceFileInput({
  disputeId,
  field,
  label,
  fileId,
  locked,
  onAttached,
}: {
  disputeId: string;
  field: EvidenceFileField;
  label: string;
  fileId: string | undefined;
  locked: boolean;
  onAttached: (fileId: string) => void;
}) {
  const trpc = useTRPC();
  const inputId = useId();
  const upload = useMutation(
    trpc.disputes.uploadEvidenceFile.mutationOptions({ onSuccess: (file) => onAttached(file.stripeFileId) }),
  );
  return (
    <div className="text-sm">
      {locked ? <span>{label}</span> : <label htmlFor={inputId}>{label}</label>}
      {locked ? null : (
        <input
          id={inputId}
          name={field}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby={`${inputId}-hint`}
          disabled={upload.isPending}
          className="mt-1 block w-full text-sm"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            upload.mutate({ disputeId, field, filename: file.name, contentBase64: await toBase64(file) });
          }}
        />
      )}
      {locked ? null : (
        <p id={`${inputId}-hint`} className="mt-1 text-stone-700">
          {EVIDENCE_FILE_HINT}
        </p>
      )}
      {upload.isPending ? <p>Uploading…</p> : null}
      {upload.isError ? <Notice tone="error">{upload.error.message}</Notice> : null}
      {fileId?.startsWith("file_") && !upload.isPending ? (
        <div className="mt-1">
          {upload.data ? `${EVIDENCE_FILE_ATTACHED}: ${upload.data.filename}` : EVIDENCE_FILE_ATTACHED}
          <details className="inline-block pl-2 text-stone-700">
            <summary>Details</summary>
            <code>{fileId}</code>
          </details>
        </div>
      ) : null}
    </div>
  );
}
