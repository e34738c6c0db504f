import type { DateFormat } from "@/server/formatting/format-date-time";
import type { HealthPoint, HealthWindow } from "@/server/observability/health/read-health-series";
import { type ChartPoint, type ChartSeries, HealthChart } from "./health-chart";

const CHARTS: { title: string; kind: "line" | "bar"; testId: string; series: ChartSeries[] }[] = [
  {
    title: "Stripe events waiting to be processed",
    kind: "line",
    testId: "chart-inbox-backlog",
    series: [{ key: "inboxBacklog", name: "Waiting", color: "#b45309" }],
  },
  {
    title: "Oldest waiting event, seconds",
    kind: "line",
    testId: "chart-inbox-age",
    series: [{ key: "inboxOldestAgeSeconds", name: "Seconds", color: "#9a3412" }],
  },
  {
    title: "Stripe events received and processed",
    kind: "bar",
    testId: "chart-events",
    series: [
      { key: "eventsReceived", name: "Received", color: "#1d4ed8" },
      { key: "eventsProcessed", name: "Processed", color: "#047857" },
    ],
  },
  {
    title: "Checkout payments",
    kind: "bar",
    testId: "chart-checkout",
    series: [
      { key: "checkoutAuthorised", name: "Authorised", color: "#047857" },
      { key: "checkoutDeclined", name: "Declined", color: "#b91c1c" },
    ],
  },
  {
    title: "Background jobs",
    kind: "bar",
    testId: "chart-jobs",
    series: [
      { key: "jobsSucceeded", name: "Succeeded", color: "#047857" },
      { key: "jobsFailed", name: "Failed", color: "#b91c1c" },
    ],
  },
  {
    title: "Refunds",
    kind: "bar",
    testId: "chart-refunds",
    series: [
      { key: "refundsSucceeded", name: "Succeeded", color: "#047857" },
      { key: "refundsFailed", name: "Failed", color: "#b91c1c" },
    ],
  },
  {
    title: "Calls owed to Stripe and work set aside",
    kind: "line",
    testId: "chart-outbox",
    series: [
      { key: "outboxDepth", name: "Calls owed", color: "#1d4ed8" },
      { key: "deadLetters", name: "Set aside", color: "#b91c1c" },
    ],
  },
];

/** Each signal over the window; the period labels use the merchant's time zone. */
export function HealthCharts({
  series,
  window,
  dateFormat,
}: {
  series: HealthPoint[];
  window: HealthWindow;
  dateFormat: DateFormat;
}) {
  const label = new Intl.DateTimeFormat(
    dateFormat.locale,
    window === "day"
      ? { timeZone: dateFormat.timeZone, hour: "2-digit", minute: "2-digit" }
      : { timeZone: dateFormat.timeZone, month: "short", day: "numeric" },
  );
  const points: ChartPoint[] = series.map(({ at, ...figures }) => ({ label: label.format(new Date(at)), ...figures }));
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {CHARTS.map((chart) => (
        <HealthChart key={chart.testId} {...chart} points={points} />
      ))}
    </div>
  );
}
