"use client";

import type { CustomerReceipt } from "@/server/checkout/build-receipt";
import { Button } from "../ui/button";

/** The order as a receipt the customer keeps: printable (the shop's header and buttons stay off paper). */
export function OrderReceipt({ receipt, statusLabel }: { receipt: CustomerReceipt; statusLabel: string }) {
  return (
    <section
      aria-labelledby="receipt-heading"
      className="rounded-xl border border-stone-200 bg-white p-5 print:border-0 print:p-0"
      data-testid="receipt"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="receipt-heading" className="text-lg font-semibold text-stone-900">
          Receipt for order {receipt.orderNumber}
        </h2>
        <Button variant="secondary" size="sm" className="print:hidden" onClick={() => window.print()}>
          Print receipt
        </Button>
      </div>
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-stone-700">Order number</dt>
          <dd className="font-medium">{receipt.orderNumber}</dd>
        </div>
        <div>
          <dt className="text-stone-700">Placed</dt>
          <dd className="font-medium">{receipt.placedOn}</dd>
        </div>
        <div>
          <dt className="text-stone-700">Status</dt>
          <dd className="font-medium">{statusLabel}</dd>
        </div>
        {receipt.paidWith ? (
          <div>
            <dt className="text-stone-700">Paid with</dt>
            <dd className="font-medium">{receipt.paidWith}</dd>
          </div>
        ) : null}
        {receipt.shippingAddress.length > 0 ? (
          <div className="sm:col-span-2">
            <dt className="text-stone-700">Shipping to</dt>
            <dd>
              <address className="whitespace-pre-line not-italic">{receipt.shippingAddress.join("\n")}</address>
            </dd>
          </div>
        ) : null}
      </dl>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Items of order {receipt.orderNumber}</caption>
        <thead>
          <tr className="border-b border-stone-200">
            <th scope="col" className="py-1 pr-3 font-medium">
              Item
            </th>
            <th scope="col" className="px-3 py-1 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="px-3 py-1 text-right font-medium">
              Price
            </th>
            <th scope="col" className="py-1 pl-3 text-right font-medium">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line) => (
            <tr key={line.name} className="border-b border-stone-100">
              <td className="py-1 pr-3">{line.name}</td>
              <td className="px-3 py-1 text-right tabular-nums">{line.quantity}</td>
              <td className="px-3 py-1 text-right tabular-nums">{line.unitPrice}</td>
              <td className="py-1 pl-3 text-right tabular-nums">{line.lineTotal}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="py-1 pr-3 text-right font-semibold">
              Total
            </th>
            <td className="py-1 pl-3 text-right font-semibold tabular-nums" data-testid="receipt-total">
              {receipt.total}
            </td>
          </tr>
        </tfoot>
      </table>
      {receipt.refundNote ? (
        <p className="mt-3 text-sm text-stone-800" data-testid="receipt-refund">
          {receipt.refundNote}
        </p>
      ) : null}
      {receipt.disputeNote ? (
        <p className="mt-3 text-sm text-stone-800" data-testid="receipt-dispute">
          {receipt.disputeNote}
        </p>
      ) : null}
    </section>
  );
}
