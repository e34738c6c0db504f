"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { DataTable } from "@/components/ui/data-table";

export type ChartSeries = { key: string; name: string; color: string };
export type ChartPoint = { label: string } & Record<string, number | string>;

/**
 * One signal over the window: a chart that fills its container at any width (ResponsiveContainer
 * measures the parent, `min-w-0` lets it shrink inside a grid), with the same figures as a table
 * for screen readers, keyboards and anyone who wants the numbers (the chart itself takes no focus).
 */
export function HealthChart({
  title,
  kind,
  points,
  series,
  testId,
}: {
  title: string;
  kind: "line" | "bar";
  points: ChartPoint[];
  series: ChartSeries[];
  testId?: string;
}) {
  const Chart = kind === "line" ? LineChart : BarChart;
  return (
    <figure className="min-w-0 rounded-xl border border-stone-200 bg-white p-4" data-testid={testId}>
      <figcaption className="text-sm font-medium text-stone-900">{title}</figcaption>
      <div className="mt-3 h-56 w-full min-w-0" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          {/* The table below is the accessible form; a focusable chart inside aria-hidden would trap keyboards. */}
          <Chart data={points} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((line) =>
              kind === "line" ? (
                <Line
                  key={line.key}
                  type="monotone"
                  dataKey={line.key}
                  name={line.name}
                  stroke={line.color}
                  dot={false}
                  isAnimationActive={false}
                />
              ) : (
                <Bar key={line.key} dataKey={line.key} name={line.name} fill={line.color} isAnimationActive={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-700">Show as a table</summary>
        <DataTable
          label={title}
          density="inset"
          rows={points}
          rowKey={(point) => point.label}
          empty="Nothing in this window."
          columns={[
            { id: "label", header: "Period", cell: (point) => point.label },
            ...series.map((line) => ({
              id: line.key,
              header: line.name,
              numeric: true,
              cell: (point: ChartPoint) => String(point[line.key] ?? 0),
            })),
          ]}
        />
      </details>
    </figure>
  );
}
