"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { EXPORT_FORMAT_LABELS } from "@/server/labels/accounting-labels";
import { apiErrorText } from "./api-error-text";

type Format = keyof typeof EXPORT_FORMAT_LABELS;
const field = "mt-1 block rounded-md border border-stone-400 px-2 py-1";

function download(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The connection's journals dated in a range, as a file the accounting system imports. */
export function ExportForm({ connectionId }: { connectionId: string }) {
  const trpc = useTRPC();
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [format, setFormat] = useState<Format>("xero");
  const exportCsv = useMutation(
    trpc.accounting.exportCsv.mutationOptions({ onSuccess: (file) => download(file.fileName, file.csv) }),
  );
  return (
    <form
      aria-label="Export journals"
      className="flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        exportCsv.mutate({ connectionId, from, to, format });
      }}
    >
      <label htmlFor={`${id}-from`}>
        From
        <input id={`${id}-from`} type="date" className={field} value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label htmlFor={`${id}-to`}>
        To
        <input id={`${id}-to`} type="date" className={field} value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label htmlFor={`${id}-format`}>
        File
        <select
          id={`${id}-format`}
          className={field}
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
        >
          {Object.entries(EXPORT_FORMAT_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={exportCsv.isPending}>
        Download
      </Button>
      {exportCsv.isSuccess ? (
        <p className="w-full text-stone-700" role="status">
          {exportCsv.data.journals} journal{exportCsv.data.journals === 1 ? "" : "s"} in {exportCsv.data.fileName}.
        </p>
      ) : null}
      {exportCsv.error ? (
        <Notice tone="error" className="w-full">
          {apiErrorText(exportCsv.error, "The file could not be made.")}
        </Notice>
      ) : null}
    </form>
  );
}
