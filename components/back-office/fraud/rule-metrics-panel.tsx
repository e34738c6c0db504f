"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Notice } from "@/components/ui/notice";
import { ruleActionLabel } from "@/server/labels/fraud-rule-labels";

const DAYS = 30;

function dayLabel(day: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function overruled(settled: number, overruledCount: number): string {
  if (settled === 0) return "no reviews it opened have been settled yet";
  const share = Math.round((overruledCount / settled) * 100);
  return `analysts approved ${overruledCount} of the ${settled} payments it held (${share}% overruled)`;
}

/** How each rule did over the last 30 days: hits per day, overruled reviews, disputes it let through. */
export function RuleMetricsPanel() {
  const trpc = useTRPC();
  const metrics = useQuery(trpc.fraudRules.metrics.queryOptions({ days: DAYS }));
  const rules = useQuery(trpc.fraudRules.list.queryOptions());
  if (metrics.isPending || rules.isPending) return <p className="text-sm">Loading…</p>;
  if (metrics.isError) return <Notice tone="error">{metrics.error.message}</Notice>;
  if (rules.isError) return <Notice tone="error">{rules.error.message}</Notice>;
  const byId = new Map(metrics.data.rules.map((entry) => [entry.ruleId, entry]));
  if (rules.data.length === 0) return <p className="text-sm text-stone-700">No rules yet.</p>;
  return (
    <ul className="grid gap-3 lg:grid-cols-2">
      {rules.data.map((rule) => {
        const entry = byId.get(rule.id);
        if (!entry) return null;
        return (
          <li key={rule.id} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="rule-metrics">
            <p className="font-mono text-xs text-stone-900">{rule.source}</p>
            <p className="mt-1 text-sm text-stone-700">
              {ruleActionLabel(rule.action)} · {rule.enabled ? "on" : "off"} · matched {entry.hits} payments in {DAYS}{" "}
              days
            </p>
            <p className="text-sm text-stone-700">
              {rule.action === "review" ? `${overruled(entry.reviewsSettled, entry.reviewsOverruled)}; ` : ""}
              {entry.disputesLetThrough} {entry.disputesLetThrough === 1 ? "dispute" : "disputes"} on orders it let
              through
            </p>
            <BarChart
              responsive
              data={entry.hitsByDay}
              title={`Payments this rule matched, one bar per day for ${DAYS} days`}
              style={{ width: "100%", height: 120 }}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid vertical={false} stroke="#e7e5e4" />
              <XAxis dataKey="day" tickFormatter={dayLabel} minTickGap={24} tick={{ fontSize: 11, fill: "#44403c" }} />
              <YAxis width={32} allowDecimals={false} tick={{ fontSize: 11, fill: "#44403c" }} />
              <Tooltip
                labelFormatter={(day) => dayLabel(String(day))}
                formatter={(hits) => [String(hits), "Payments matched"]}
              />
              <Bar dataKey="hits" name="Payments matched" fill="#b45309" isAnimationActive={false} />
            </BarChart>
          </li>
        );
      })}
    </ul>
  );
}
