import { formatMoney } from "@/server/money";

type Point = { day: string; capturedMinor: number };

/** Thirty bars, one per UTC day, for one currency; amounts never mix currencies. */
export function DailyVolumeChart({ currency, days, points }: { currency: string; days: string[]; points: Point[] }) {
  const byDay = new Map(points.map((point) => [point.day, point.capturedMinor]));
  const values = days.map((day) => byDay.get(day) ?? 0);
  const max = Math.max(1, ...values);
  const width = 600;
  const height = 120;
  const barWidth = width / days.length;
  const total = values.reduce((sum, value) => sum + value, 0);
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="text-sm font-medium text-stone-900">
        Daily volume, {currency} · {formatMoney(total, currency)} in 30 days
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="mt-3 h-32 w-full"
        role="img"
        aria-label={`Daily captured volume in ${currency}`}
      >
        {values.map((value, index) => {
          const barHeight = Math.round((value / max) * (height - 4));
          return (
            <rect
              key={days[index]}
              x={index * barWidth + 1}
              y={height - barHeight}
              width={Math.max(barWidth - 2, 1)}
              height={barHeight}
              className="fill-emerald-700"
            >
              <title>{`${days[index]}: ${formatMoney(value, currency)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-stone-700">
        <span>{days[0]}</span>
        <span>{days.at(-1)}</span>
      </div>
    </figure>
  );
}
