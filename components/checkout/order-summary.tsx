"use client";

import { useId, useState } from "react";
import { Notice } from "../ui/notice";
import { OrderLines } from "./order-lines";

export type OrderSummaryData = {
  currency: string;
  itemCount: number;
  lines: { productId: string; name: string; quantity: number; unitPrice: string; lineTotal: string }[];
  subtotal: string;
  total: string;
};

/**
 * The cart as the server priced it; every amount is formatted by the server for its currency.
 * On a phone it sits above the form, folded to one line with the total; from a laptop's width on
 * it is open beside the form.
 */
export function OrderSummary({
  summary,
  problem,
  className = "",
}: {
  summary: OrderSummaryData | null;
  problem: string | null;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <aside
      aria-labelledby="summary-heading"
      className={`h-max rounded-xl border border-stone-200 bg-white p-4 lg:p-5 ${className}`}
      data-testid="order-summary"
    >
      <h2 id="summary-heading" className="text-lg font-semibold text-stone-900">
        <button
          type="button"
          className="flex min-h-11 w-full items-center justify-between gap-4 rounded-lg text-left lg:hidden"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((current) => !current)}
        >
          <span>
            Order summary
            <span className="ml-2 text-sm font-normal text-stone-700">{open ? "Hide" : "Show"}</span>
          </span>
          {summary ? <span className="tabular-nums">{summary.total}</span> : null}
        </button>
        <span className="hidden lg:inline">Order summary</span>
      </h2>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <div id={bodyId} className={open ? "" : "hidden lg:block"} data-testid="order-summary-details">
        {summary ? (
          <>
            <OrderLines
              lines={summary.lines.map((line) => ({ ...line, key: line.productId }))}
              lineTestId="summary-line"
            />
            <dl className="mt-4 flex flex-col gap-2 border-t border-stone-200 pt-3 text-sm">
              <div className="flex justify-between">
                <dt className="text-stone-700">Subtotal</dt>
                <dd className="tabular-nums">{summary.subtotal}</dd>
              </div>
              <div className="flex justify-between">
                <dt className="text-stone-700">Shipping</dt>
                <dd>Free</dd>
              </div>
              <div className="flex justify-between text-base font-semibold">
                <dt>Total</dt>
                <dd className="tabular-nums" data-testid="checkout-total">
                  {summary.total}
                </dd>
              </div>
            </dl>
          </>
        ) : problem ? null : (
          <p className="mt-4 text-sm text-stone-700">Loading prices…</p>
        )}
      </div>
    </aside>
  );
}
