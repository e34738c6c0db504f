"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable, type TableColumn } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { breakAmount } from "./break-amount";

type Line = {
  bookingDate: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
  description: string | null;
};

const COLUMNS: TableColumn<Line & { id: string }>[] = [
  { id: "date", header: "Booked on", cell: (line) => line.bookingDate },
  { id: "amount", header: "Amount", numeric: true, cell: (line) => breakAmount(line.amountMinor, line.currency) },
  { id: "reference", header: "Reference", cell: (line) => line.reference ?? "—" },
  { id: "description", header: "Description", cell: (line) => line.description ?? "—" },
];

/** Choose a file, see the lines as PayOps reads them, then import them. */
export function BankStatementUpload({ accounts }: { accounts: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [bankAccountId, setBankAccountId] = useState(accounts[0]?.id ?? "");
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const format = file?.name.toLowerCase().endsWith(".xml") ? ("camt053" as const) : ("csv" as const);
  const preview = useMutation(trpc.reconciliation.previewStatement.mutationOptions());
  const importing = useMutation(
    trpc.reconciliation.importStatement.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const input = file ? { bankAccountId, format, content: file.content, fileName: file.name } : null;
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 text-sm"
    >
      <h2 id={`${id}-heading`} className="font-semibold text-stone-900">
        Import a statement
      </h2>
      <label className="block">
        Bank account
        <select
          className="mt-1 block rounded-md border border-stone-400 px-2 py-1"
          value={bankAccountId}
          onChange={(event) => setBankAccountId(event.target.value)}
        >
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        Statement file (.csv or camt.053 .xml)
        <input
          type="file"
          accept=".csv,.xml,text/csv,application/xml,text/xml"
          className="mt-1 block"
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            preview.reset();
            importing.reset();
            setFile(chosen ? { name: chosen.name, content: await chosen.text() } : null);
          }}
        />
      </label>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={!input || preview.isPending}
          onClick={() => input && preview.mutate(input)}
        >
          Preview
        </Button>
        <Button
          disabled={!input || !preview.data || importing.isPending}
          onClick={() => input && importing.mutate(input)}
        >
          Import {preview.data ? `${preview.data.total} lines` : ""}
        </Button>
      </div>
      {preview.error ? <Notice tone="error">{preview.error.message}</Notice> : null}
      {importing.error ? <Notice tone="error">{importing.error.message}</Notice> : null}
      {importing.data ? (
        <Notice>
          {importing.data.alreadyImported
            ? "This file was imported before; nothing was added."
            : `${importing.data.linesAdded} of ${importing.data.linesRead} lines added (the rest were already imported).`}
        </Notice>
      ) : null}
      {preview.data ? (
        <DataTable
          label={`Lines in the file${preview.data.total > preview.data.lines.length ? ` (first ${preview.data.lines.length} of ${preview.data.total})` : ""}`}
          showCaption
          columns={COLUMNS}
          rows={preview.data.lines.map((line, index) => ({ ...line, id: String(index) }))}
          density="inset"
        />
      ) : null}
    </section>
  );
}
