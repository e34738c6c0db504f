"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { apiErrorText } from "./api-error-text";

/**
 * PayOps accounts beside the accounting system's, read from its chart now: those with the same
 * code are chosen already and shown for confirmation; the rest an admin chooses. Saving checks
 * every choice against the chart again.
 */
export function MappingForm({ connectionId }: { connectionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mapping = useQuery({ ...trpc.accounting.mapping.queryOptions({ connectionId }), retry: false });
  const [choices, setChoices] = useState<Record<string, string>>({});
  useEffect(() => {
    if (mapping.data)
      setChoices(Object.fromEntries(mapping.data.rows.map((row) => [row.payopsCode, row.targetCode ?? ""])));
  }, [mapping.data]);
  const save = useMutation(
    trpc.accounting.saveMapping.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.accounting.pathKey() }),
    }),
  );
  if (mapping.error)
    return (
      <Notice tone="error">{apiErrorText(mapping.error, "The accounting system's chart could not be read.")}</Notice>
    );
  if (!mapping.data) return <p className="text-sm text-stone-700">Reading the accounting system&apos;s chart…</p>;
  const { rows, targetAccounts } = mapping.data;
  return (
    <form
      aria-label="Account mapping"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          connectionId,
          mapping: rows.map((row) => ({ payopsCode: row.payopsCode, targetCode: choices[row.payopsCode] || null })),
        });
      }}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">PayOps accounts and the accounts they post to</caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              PayOps account
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Posts to
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Check
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.payopsCode} className="border-t border-stone-100 align-top">
              <td className="px-3 py-2">
                <span className="font-mono">{row.payopsCode}</span> {row.payopsName}
              </td>
              <td className="px-3 py-2">
                <select
                  aria-label={`Account for ${row.payopsCode} ${row.payopsName}`}
                  className="rounded-md border border-stone-400 px-2 py-1"
                  value={choices[row.payopsCode] ?? ""}
                  onChange={(e) => setChoices({ ...choices, [row.payopsCode]: e.target.value })}
                >
                  <option value="">Not mapped</option>
                  {row.targetCode && !targetAccounts.some((a) => a.code === row.targetCode) ? (
                    <option value={row.targetCode}>{row.targetCode} (not available)</option>
                  ) : null}
                  {targetAccounts.map((account) => (
                    <option key={account.code} value={account.code}>
                      {account.code} {account.name}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-2">
                {row.problem ? (
                  <span className="text-red-900">{row.problem}</span>
                ) : row.matchedByCode ? (
                  "Same code: please confirm"
                ) : (
                  "Chosen by hand"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button type="submit" disabled={save.isPending}>
        Save mapping
      </Button>
      {save.isSuccess ? <Notice tone="success">Mapping saved: {save.data.mapped} accounts mapped.</Notice> : null}
      {save.error ? <Notice tone="error">{apiErrorText(save.error, "The mapping could not be saved.")}</Notice> : null}
    </form>
  );
}
