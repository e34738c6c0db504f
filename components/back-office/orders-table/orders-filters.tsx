"use client";

import { type FormEvent, useId } from "react";
import { Button } from "@/components/ui/button";
import { STAFF_ORDER_STATUS_LABELS } from "@/server/labels/staff-state-labels";
import type { OrdersView } from "./orders-url-state";

const CURRENCIES = ["USD", "EUR", "GBP", "JPY"];
const field = "mt-1 block h-10 w-full rounded-lg border border-stone-300 bg-white px-2 text-sm";

/** The filter form; submitting it replaces the URL's view and starts again from the first page. */
export function OrdersFilters({ view, onApply }: { view: OrdersView; onApply: (view: OrdersView) => void }) {
  const id = useId();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    onApply({
      ...view,
      statuses: form.getAll("status").map(String),
      currency: text("currency"),
      from: text("from"),
      to: text("to"),
      min: text("min"),
      max: text("max"),
      email: text("email"),
      cursor: "",
    });
  }
  return (
    <form
      key={JSON.stringify(view)}
      onSubmit={onSubmit}
      aria-label="Filter orders"
      className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <fieldset className="sm:col-span-2 lg:col-span-6">
        <legend className="text-sm font-medium text-stone-900">Status</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {Object.entries(STAFF_ORDER_STATUS_LABELS).map(([status, label]) => (
            <label key={status} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="status" value={status} defaultChecked={view.statuses.includes(status)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-email`} className="text-sm font-medium">
          Customer email
        </label>
        <input id={`${id}-email`} name="email" type="search" defaultValue={view.email} className={field} />
      </div>
      <div>
        <label htmlFor={`${id}-currency`} className="text-sm font-medium">
          Currency
        </label>
        <select id={`${id}-currency`} name="currency" defaultValue={view.currency} className={field}>
          <option value="">Any</option>
          {CURRENCIES.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className="text-sm font-medium">
          From (UTC)
        </label>
        <input id={`${id}-from`} name="from" type="date" defaultValue={view.from} className={field} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className="text-sm font-medium">
          To (UTC)
        </label>
        <input id={`${id}-to`} name="to" type="date" defaultValue={view.to} className={field} />
      </div>
      <div>
        <label htmlFor={`${id}-min`} className="text-sm font-medium">
          Min amount
        </label>
        <input id={`${id}-min`} name="min" inputMode="decimal" defaultValue={view.min} className={field} />
      </div>
      <div>
        <label htmlFor={`${id}-max`} className="text-sm font-medium">
          Max amount
        </label>
        <input id={`${id}-max`} name="max" inputMode="decimal" defaultValue={view.max} className={field} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() =>
            onApply({ ...view, statuses: [], currency: "", from: "", to: "", min: "", max: "", email: "", cursor: "" })
          }
        >
          Clear
        </Button>
        <span className="text-xs text-stone-700">Amounts are in the chosen currency.</span>
      </div>
    </form>
  );
}
