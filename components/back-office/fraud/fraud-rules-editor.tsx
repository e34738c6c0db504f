"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Notice } from "@/components/ui/notice";
import { AddRuleForm } from "./add-rule-form";
import { FraudRuleItem } from "./fraud-rule-item";

/** The merchant's rules in their order, each editable in place, with the form to add one. */
export function FraudRulesEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.fraudRules.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fraudRules.list.queryKey() });
  if (rules.isPending) return <p className="text-sm">Loading…</p>;
  if (rules.isError) return <Notice tone="error">{rules.error.message}</Notice>;
  return (
    <div className="space-y-4">
      <AddRuleForm onAdded={refresh} />
      {rules.data.length === 0 ? (
        <p className="text-sm text-stone-700">No rules yet: every payment goes ahead.</p>
      ) : null}
      <ol className="space-y-3">
        {rules.data.map((rule, index) => (
          <FraudRuleItem
            key={`${rule.id}:${rule.version}`}
            rule={rule}
            first={index === 0}
            last={index === rules.data.length - 1}
            onChanged={refresh}
          />
        ))}
      </ol>
    </div>
  );
}
