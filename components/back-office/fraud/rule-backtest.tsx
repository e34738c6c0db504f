"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { decisionActionLabel, ruleActionLabel } from "@/server/labels/fraud-rule-labels";
import { formatMoney } from "@/server/money/format-money";
import { RuleProblem } from "./rule-problem";

const PERIODS = [7, 30, 90] as const;

/**
 * Try a draft rule before switching it on: which stored payments of the last days it would have
 * hit, what they add up to, how many were later disputed or refunded as fraud, beside what the
 * rules in force now would stop of the same payments.
 */
export function RuleBacktest() {
  const trpc = useTRPC();
  const [source, setSource] = useState("");
  const [days, setDays] = useState<number>(30);
  const run = useMutation(trpc.fraudRules.backtest.mutationOptions());
  const result = run.data;
  return (
    <div className="space-y-3 rounded-lg border border-stone-300 bg-white p-4">
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          run.mutate({ source, days });
        }}
      >
        <label htmlFor="draft-rule" className="block text-sm font-medium text-stone-900">
          Draft rule
        </label>
        <textarea
          id="draft-rule"
          rows={2}
          value={source}
          placeholder="Block if :amount_in_usd: > 500 and :is_disposable_email:"
          aria-invalid={run.error ? true : undefined}
          aria-describedby={run.error ? "draft-rule-problem" : undefined}
          onChange={(event) => {
            setSource(event.target.value);
            if (run.error) run.reset();
          }}
          className="w-full rounded-lg border border-stone-400 px-3 py-2 font-mono text-sm"
        />
        <RuleProblem id="draft-rule-problem" error={run.error} />
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm">
            Over the last{" "}
            <select
              className="rounded-md border border-stone-400 px-2 py-1"
              value={days}
              onChange={(event) => setDays(Number(event.target.value))}
            >
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  {period} days
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" disabled={run.isPending || !source.trim()}>
            {run.isPending ? "Running…" : "Run backtest"}
          </Button>
        </div>
      </form>
      {result ? (
        <div className="space-y-3 text-sm" data-testid="backtest-result">
          <div className="grid gap-3 md:grid-cols-2">
            <section className="rounded-md bg-stone-50 p-3" aria-label="The draft rule">
              <h3 className="font-medium">This draft ({ruleActionLabel(result.action)})</h3>
              <p>
                Would have matched {result.hits} of {result.decisionsExamined} payments
                {result.hitAmounts.length > 0
                  ? `, worth ${result.hitAmounts.map((total) => formatMoney(total.amountMinor, total.currency)).join(" + ")}`
                  : ""}
                .
              </p>
              <p>{result.hitsAlreadyStoppedThen} of them were already refused or held by the rules at the time.</p>
              <p>
                Later disputed: {result.hitsLaterDisputed}; refunded as fraud: {result.hitsLaterRefundedAsFraud}.
              </p>
            </section>
            <section className="rounded-md bg-stone-50 p-3" aria-label="The rules in force">
              <h3 className="font-medium">The {result.inForce.rules} rules in force now</h3>
              <p>
                Would refuse or hold {result.inForce.stopped} of the same {result.decisionsExamined} payments;{" "}
                {result.inForce.alsoHitByDraft} of the draft&apos;s matches among them.
              </p>
              <p>
                Later disputed: {result.inForce.stoppedLaterDisputed}; refunded as fraud:{" "}
                {result.inForce.stoppedLaterRefundedAsFraud}.
              </p>
            </section>
          </div>
          {result.sample.length > 0 ? (
            <DataTable
              label="Payments the draft would have matched"
              density="inset"
              rowKey={(hit) => hit.decisionId}
              rows={result.sample}
              columns={[
                {
                  id: "order",
                  header: "Order",
                  cell: (hit) =>
                    hit.orderId ? (
                      <Link className="underline" href={`/dashboard/orders/${hit.orderId}`}>
                        Open order
                      </Link>
                    ) : (
                      "Refused at checkout (no order)"
                    ),
                },
                {
                  id: "amount",
                  header: "Amount",
                  numeric: true,
                  cell: (hit) => formatMoney(hit.amountMinor, hit.currency),
                },
                { id: "then", header: "What the rules did then", cell: (hit) => decisionActionLabel(hit.actionThen) },
                { id: "now", header: "The rules in force now", cell: (hit) => decisionActionLabel(hit.actionNow) },
              ]}
            />
          ) : null}
          <p className="text-xs text-stone-600">Answered in {result.durationMs} ms.</p>
        </div>
      ) : null}
    </div>
  );
}
