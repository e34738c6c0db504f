import { BREAK_STATUS_LABELS, BREAK_TYPE_OPTIONS } from "@/server/reconciliation/reconciliation-labels";

type Filters = { type?: string; status: string; currency?: string; ownerId?: string; minAgeDays?: number };

const select = "mt-1 block rounded-md border border-stone-400 px-2 py-1";

/** A plain GET form: the filters live in the address, so a filtered page can be bookmarked or shared. */
export function BreakFiltersForm({ filters, owners }: { filters: Filters; owners: { id: string; name: string }[] }) {
  return (
    <form method="get" aria-label="Filter differences" className="flex flex-wrap items-end gap-3 text-sm">
      <label>
        Kind
        <select name="type" defaultValue={filters.type ?? ""} className={select}>
          <option value="">Any kind</option>
          {BREAK_TYPE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={filters.status} className={select}>
          <option value="unresolved">Not resolved</option>
          {Object.entries(BREAK_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {owners.length > 0 ? (
        <label>
          Owner
          <select name="ownerId" defaultValue={filters.ownerId ?? ""} className={select}>
            <option value="">Anyone</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Currency
        <input name="currency" defaultValue={filters.currency ?? ""} maxLength={3} size={4} className={select} />
      </label>
      <label>
        At least this many days old
        <input
          name="minAgeDays"
          type="number"
          min={0}
          defaultValue={filters.minAgeDays ?? ""}
          className={`${select} w-24`}
        />
      </label>
      <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white">
        Show
      </button>
    </form>
  );
}
