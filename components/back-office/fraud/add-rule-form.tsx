"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { RuleProblem } from "./rule-problem";

const EXAMPLE = "Review if :amount_in_usd: > 1000 and :card_country: != :ip_country:";

/** A new rule in Radar's syntax, added at the end of the order, on at once unless unticked. */
export function AddRuleForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [source, setSource] = useState("");
  const [enabled, setEnabled] = useState(true);
  const add = useMutation(
    trpc.fraudRules.add.mutationOptions({
      onSuccess: async () => {
        setSource("");
        await onAdded();
      },
    }),
  );
  return (
    <form
      className="space-y-2 rounded-lg border border-stone-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ source, enabled });
      }}
    >
      <label htmlFor="new-rule" className="block text-sm font-medium text-stone-900">
        New rule
      </label>
      <textarea
        id="new-rule"
        rows={2}
        value={source}
        placeholder={EXAMPLE}
        aria-invalid={add.error ? true : undefined}
        aria-describedby={add.error ? "new-rule-problem" : undefined}
        onChange={(event) => {
          setSource(event.target.value);
          if (add.error) add.reset();
        }}
        className="w-full rounded-lg border border-stone-400 px-3 py-2 font-mono text-sm"
      />
      <RuleProblem id="new-rule-problem" error={add.error} />
      <div className="flex items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Switch on when added
        </label>
        <Button type="submit" disabled={add.isPending || !source.trim()}>
          Add rule
        </Button>
      </div>
    </form>
  );
}
