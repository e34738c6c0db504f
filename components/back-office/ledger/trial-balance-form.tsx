import { Button } from "@/components/ui/button";

const field = "mt-1 block h-10 rounded-lg border border-stone-300 bg-white px-2 text-sm";

/** Which trial balance to show: a plain GET form, so the view is a link finance can share. */
export function TrialBalanceForm({
  currencies,
  currency,
  asOfDay,
}: {
  currencies: string[];
  currency: string;
  asOfDay: string;
}) {
  return (
    <form
      method="get"
      action="/dashboard/ledger"
      aria-label="Choose a trial balance"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4"
    >
      <div>
        <label htmlFor="trial-balance-currency" className="text-sm font-medium">
          Currency
        </label>
        <select id="trial-balance-currency" name="currency" defaultValue={currency} className={field}>
          {currencies.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="trial-balance-day" className="text-sm font-medium">
          At the end of (UTC, empty for now)
        </label>
        <input id="trial-balance-day" name="on" type="date" defaultValue={asOfDay} className={field} />
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
