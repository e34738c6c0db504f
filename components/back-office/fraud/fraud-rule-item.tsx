"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { FraudRuleRow } from "@/server/fraud/management/list-fraud-rules";
import { ruleActionLabel, ruleChangeLabel } from "@/server/labels/fraud-rule-labels";
import { RuleProblem } from "./rule-problem";

/** One rule: its text, on or off, its latest change, editing in place, and its history. */
export function FraudRuleItem({
  rule,
  first,
  last,
  onChanged,
}: {
  rule: FraudRuleRow;
  first: boolean;
  last: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<string | null>(null);
  const edit = useMutation(
    trpc.fraudRules.edit.mutationOptions({
      onSuccess: async () => {
        setDraft(null);
        await onChanged();
      },
    }),
  );
  const toggle = useMutation(trpc.fraudRules.setEnabled.mutationOptions({ onSettled: onChanged }));
  const move = useMutation(trpc.fraudRules.move.mutationOptions({ onSettled: onChanged }));
  const latest = rule.history[0];
  const fieldId = `rule-${rule.id}`;
  return (
    <li className="rounded-lg border border-stone-300 bg-white p-4" data-testid="fraud-rule">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded-full border border-stone-400 px-2 py-0.5 font-medium">
          {ruleActionLabel(rule.action)}
        </span>
        <span className={rule.enabled ? "font-medium text-emerald-800" : "font-medium text-stone-600"}>
          {rule.enabled ? "On" : "Off"}
        </span>
        <span className="text-stone-700">
          Version {rule.version}
          {latest ? (
            <>
              {" "}
              · {ruleChangeLabel(latest.change)} by {latest.changedBy}, <DateTime value={latest.createdAt} />
            </>
          ) : null}
        </span>
      </div>
      {draft === null ? (
        <p className="mt-2 font-mono text-sm">{rule.source}</p>
      ) : (
        <div className="mt-2 space-y-2">
          <label htmlFor={fieldId} className="block text-sm font-medium">
            Rule text
          </label>
          <textarea
            id={fieldId}
            rows={2}
            value={draft}
            aria-invalid={edit.error ? true : undefined}
            aria-describedby={edit.error ? `${fieldId}-problem` : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (edit.error) edit.reset();
            }}
            className="w-full rounded-lg border border-stone-400 px-3 py-2 font-mono text-sm"
          />
          <RuleProblem id={`${fieldId}-problem`} error={edit.error} />
        </div>
      )}
      {toggle.error || move.error ? (
        <RuleProblem id={`${fieldId}-toggle-problem`} error={toggle.error ?? move.error} />
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {draft === null ? (
          <Button variant="secondary" size="sm" onClick={() => setDraft(rule.source)}>
            Edit
          </Button>
        ) : (
          <>
            <Button
              size="sm"
              disabled={edit.isPending}
              onClick={() => edit.mutate({ ruleId: rule.id, expectedVersion: rule.version, source: draft })}
            >
              Save as version {rule.version + 1}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setDraft(null);
                edit.reset();
              }}
            >
              Cancel
            </Button>
          </>
        )}
        <Button
          variant="secondary"
          size="sm"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ ruleId: rule.id, expectedVersion: rule.version, enabled: !rule.enabled })}
        >
          {rule.enabled ? "Switch off" : "Switch on"}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          disabled={first || move.isPending}
          onClick={() => move.mutate({ ruleId: rule.id, expectedVersion: rule.version, direction: "up" })}
        >
          Move up
        </Button>
        <Button
          variant="ghost"
          size="sm"
          disabled={last || move.isPending}
          onClick={() => move.mutate({ ruleId: rule.id, expectedVersion: rule.version, direction: "down" })}
        >
          Move down
        </Button>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-700">History ({rule.history.length})</summary>
        <ol className="mt-1 space-y-1">
          {rule.history.map((version) => (
            <li key={version.version}>
              Version {version.version}: {ruleChangeLabel(version.change)} by {version.changedBy},{" "}
              <DateTime value={version.createdAt} /> ({version.enabled ? "on" : "off"})
              {version.note ? ` — ${version.note}` : ""}
              <span className="block font-mono text-xs text-stone-700">{version.source}</span>
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
