"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { FRAUD_LIST_KIND_LABELS, fraudListKindLabel } from "@/server/labels/fraud-rule-labels";

type ListKind = keyof typeof FRAUD_LIST_KIND_LABELS;

/** Saved lists a rule reads as @name: add a list, add and remove its entries. */
export function FraudListsEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = useQuery(trpc.fraudRules.lists.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fraudRules.lists.queryKey() });
  const [alias, setAlias] = useState("");
  const [kind, setKind] = useState<ListKind>("email");
  const [entries, setEntries] = useState<Record<string, string>>({});
  const addList = useMutation(
    trpc.fraudRules.addList.mutationOptions({
      onSuccess: async () => {
        setAlias("");
        await refresh();
      },
    }),
  );
  const addEntry = useMutation(
    trpc.fraudRules.addListEntry.mutationOptions({
      onSuccess: async (_result, input) => {
        setEntries((current) => ({ ...current, [input.listId]: "" }));
        await refresh();
      },
    }),
  );
  const removeEntry = useMutation(trpc.fraudRules.removeListEntry.mutationOptions({ onSettled: refresh }));

  if (lists.isPending) return <p className="text-sm">Loading…</p>;
  if (lists.isError) return <Notice tone="error">{lists.error.message}</Notice>;
  const entryError = addEntry.error ?? removeEntry.error;
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-300 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          addList.mutate({ alias, kind });
        }}
      >
        <TextField
          id="new-list-name"
          label="List name (rules read it as @name)"
          value={alias}
          onChange={(event) => setAlias(event.target.value)}
          error={addList.error?.message}
        />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Holds
          <select
            className="h-11 rounded-lg border border-stone-400 px-2"
            value={kind}
            onChange={(event) => setKind(event.target.value as ListKind)}
          >
            {(Object.keys(FRAUD_LIST_KIND_LABELS) as ListKind[]).map((value) => (
              <option key={value} value={value}>
                {fraudListKindLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={addList.isPending || !alias.trim()}>
          Add list
        </Button>
      </form>
      {entryError ? <Notice tone="error">{entryError.message}</Notice> : null}
      {lists.data.length === 0 ? <p className="text-sm text-stone-700">No saved lists yet.</p> : null}
      <ul className="space-y-3">
        {lists.data.map((list) => (
          <li key={list.id} className="rounded-lg border border-stone-300 bg-white p-4" data-testid="fraud-list">
            <p className="font-medium">
              <span className="font-mono">@{list.alias}</span> · {fraudListKindLabel(list.kind)}
            </p>
            {list.description ? <p className="text-sm text-stone-700">{list.description}</p> : null}
            <ul className="mt-2 flex flex-wrap gap-2 text-sm">
              {list.items.map((item) => (
                <li key={item.value} className="flex items-center gap-1 rounded-full border border-stone-300 px-2">
                  <span className="font-mono">{item.value}</span>
                  <button
                    type="button"
                    className="text-stone-700 underline"
                    aria-label={`Remove ${item.value} from @${list.alias}`}
                    onClick={() => removeEntry.mutate({ listId: list.id, value: item.value })}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            <form
              className="mt-2 flex items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                addEntry.mutate({ listId: list.id, value: entries[list.id] ?? "" });
              }}
            >
              <TextField
                id={`entry-${list.id}`}
                label={`New entry for @${list.alias}`}
                value={entries[list.id] ?? ""}
                onChange={(event) => setEntries((current) => ({ ...current, [list.id]: event.target.value }))}
              />
              <Button
                type="submit"
                variant="secondary"
                disabled={addEntry.isPending || !(entries[list.id] ?? "").trim()}
              >
                Add entry
              </Button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
