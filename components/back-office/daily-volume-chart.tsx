"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/server/money/format-money";

type Point = { day: string; capturedMinor: number };
type Day = { day: string; capturedMinor: number };

/** "Dec 1" from a UTC day key; the overview's days are whole UTC days. */
function dayLabel(day: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * Thirty bars, one per UTC day, for one currency (amounts never mix currencies), drawn by Recharts
 * across the full width at every size, with the value on hover and keyboard focus, and the same
 * numbers as a table for screen readers and anyone who prefers one.
 */
export function DailyVolumeChart({ currency, days, points }: { currency: string; days: string[]; points: Point[] }) {
  const byDay = new Map(points.map((point) => [point.day, point.capturedMinor]));
  const data: Day[] = days.map((day) => ({ day, capturedMinor: byDay.get(day) ?? 0 }));
  const total = data.reduce((sum, entry) => sum + entry.capturedMinor, 0);
  const title = `Daily volume, ${currency}`;
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4" data-testid={`daily-volume-${currency}`}>
      <figcaption className="text-sm font-medium text-stone-900">
        {title} · {formatMoney(total, currency)} in 30 days
      </figcaption>
      <BarChart
        responsive
        data={data}
        title={`${title}, one bar per day`}
        style={{ width: "100%", height: 180 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
      >
        <CartesianGrid vertical={false} stroke="#e7e5e4" />
        <XAxis dataKey="day" tickFormatter={dayLabel} minTickGap={16} tick={{ fontSize: 12, fill: "#44403c" }} />
        <YAxis
          width={80}
          tickFormatter={(minor: number) => formatMoney(minor, currency)}
          tick={{ fontSize: 12, fill: "#44403c" }}
          allowDecimals={false}
        />
        <Tooltip
          labelFormatter={(day) => dayLabel(String(day))}
          formatter={(minor) => [formatMoney(Number(minor), currency), "Captured"]}
        />
        <Bar dataKey="capturedMinor" name="Captured" fill="#047857" isAnimationActive={false} />
      </BarChart>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-stone-700">Show as a table</summary>
        <DataTable
          label={`${title} by day`}
          density="inset"
          rowKey={(entry) => entry.day}
          rows={data}
          columns={[
            { id: "day", header: "Day (UTC)", cell: (entry) => dayLabel(entry.day) },
            {
              id: "captured",
              header: "Captured",
              numeric: true,
              cell: (entry) => formatMoney(entry.capturedMinor, currency),
            },
          ]}
        />
      </details>
    </figure>
  );
}
