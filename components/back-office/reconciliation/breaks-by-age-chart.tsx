import { breakTypeLabel } from "@/server/reconciliation/reconciliation-labels";

type Row = { type: string; bucket: number; breaks: number };

const SHADES = ["bg-emerald-600", "bg-amber-500", "bg-orange-600", "bg-red-700"];

/** Open differences per type as stacked bars, one colour per age band, with the numbers in text too. */
export function BreaksByAgeChart({ buckets, rows }: { buckets: readonly string[]; rows: Row[] }) {
  const types = [...new Set(rows.map((row) => row.type))];
  const totals = types.map((type) => rows.filter((row) => row.type === type).reduce((sum, row) => sum + row.breaks, 0));
  const widest = Math.max(1, ...totals);
  return (
    <section aria-labelledby="age-heading" className="space-y-2">
      <h2 id="age-heading" className="text-lg font-semibold text-stone-900">
        Open differences by type and age
      </h2>
      <ul className="flex flex-wrap gap-3 text-xs text-stone-700" aria-label="Age bands">
        {buckets.map((bucket, index) => (
          <li key={bucket} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${SHADES[index]}`} />
            {bucket}
          </li>
        ))}
      </ul>
      {types.length === 0 ? <p className="text-sm text-stone-700">No open differences.</p> : null}
      <ul className="space-y-2">
        {types.map((type, index) => (
          <li key={type} className="text-sm">
            <div className="flex justify-between">
              <span>{breakTypeLabel(type)}</span>
              <span className="tabular-nums">{totals[index]}</span>
            </div>
            <div
              className="flex h-3 overflow-hidden rounded bg-stone-100"
              style={{ width: `${(totals[index]! / widest) * 100}%` }}
            >
              {buckets.map((bucket, b) => {
                const count = rows.find((row) => row.type === type && row.bucket === b)?.breaks ?? 0;
                return count ? (
                  <span
                    key={bucket}
                    title={`${bucket}: ${count}`}
                    className={SHADES[b]}
                    style={{ width: `${(count / totals[index]!) * 100}%` }}
                  />
                ) : null;
              })}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
