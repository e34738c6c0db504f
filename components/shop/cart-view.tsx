"use client";

import Image from "next/image";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { PricedCart } from "@/server/catalogue/price-cart";
import type { ShopCurrency } from "@/server/catalogue/shop-currencies";
import { formatMoney } from "@/server/money";
import { Button, buttonClasses } from "../ui/button";
import { Notice } from "../ui/notice";
import { QuantityStepper } from "../ui/quantity-stepper";
import { EMPTY_CART, removeFromStoredCart, type StoredCart, setStoredQuantity } from "./cart-state";
import { updateCart, useStoredCart, writeCart } from "./cart-store";

type PriceCartResult = { ok: true; cart: PricedCart } | { ok: false; message: string; unavailableProductIds: string[] };

type CartViewProps = {
  shopCurrency: ShopCurrency;
  priceCart: (input: { currency: ShopCurrency; lines: StoredCart["lines"] }) => Promise<PriceCartResult>;
};

/** The cart page: the browser keeps ids and quantities; every price shown here comes back from the server. */
export function CartView({ shopCurrency, priceCart }: CartViewProps) {
  const stored = useStoredCart();
  const [priced, setPriced] = useState<PricedCart | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const latestRequest = useRef(0);

  useEffect(() => {
    if (!stored || stored.lines.length === 0 || !stored.currency) return;
    const request = ++latestRequest.current;
    setPending(true);
    priceCart({ currency: stored.currency, lines: stored.lines })
      .then((result) => {
        if (request !== latestRequest.current) return;
        if (result.ok) {
          setPriced(result.cart);
          return;
        }
        if (result.unavailableProductIds.length > 0) {
          setProblem("Some products in your cart are no longer available, so we took them out.");
          updateCart((cart) => removeFromStoredCart(cart, result.unavailableProductIds));
          return;
        }
        setProblem(result.message);
      })
      .catch(() => {
        if (request === latestRequest.current) setProblem("Prices could not be loaded just now. Please try again.");
      })
      .finally(() => {
        if (request === latestRequest.current) setPending(false);
      });
    // The store hands out the same object until the cart changes, so this runs once per change.
  }, [stored, priceCart]);

  if (!stored) {
    return <p className="text-stone-700">Loading your cart…</p>;
  }

  if (stored.lines.length === 0 || !stored.currency) {
    return (
      <div className="flex flex-col items-start gap-4 rounded-xl border border-dashed border-stone-300 bg-white p-8">
        {problem ? <Notice tone="warning">{problem}</Notice> : null}
        <p className="text-lg text-stone-800">Your cart is empty.</p>
        <Link href="/" className={buttonClasses("primary", "md")}>
          Browse products
        </Link>
      </div>
    );
  }

  const currency = stored.currency;
  const quantities = new Map(stored.lines.map((line) => [line.productId, line.quantity]));
  const lines = (priced?.currency === stored.currency ? priced.lines : []).filter((line) =>
    quantities.has(line.productId),
  );

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="cart-lines-heading" className="flex flex-col gap-4">
        <h2 id="cart-lines-heading" className="sr-only">
          Products in your cart
        </h2>
        {problem ? <Notice tone="warning">{problem}</Notice> : null}
        {stored.currency !== shopCurrency ? (
          <Notice tone="info">
            Your cart is priced in {stored.currency}. The shop is showing {shopCurrency}; empty your cart to shop in{" "}
            {shopCurrency}.
          </Notice>
        ) : null}
        {lines.length === 0 ? (
          <p className="text-stone-700">Loading prices…</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {lines.map((line) => (
              <li key={line.productId} className="flex gap-4 p-4" data-testid="cart-line">
                <Image
                  src={line.imagePath}
                  alt=""
                  width={96}
                  height={96}
                  unoptimized
                  className="h-20 w-20 shrink-0 rounded-lg border border-stone-200 sm:h-24 sm:w-24"
                />
                <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h3 className="font-medium text-stone-900">
                      <Link href={`/products/${line.slug}`} className="rounded hover:underline">
                        {line.name}
                      </Link>
                    </h3>
                    <p className="text-sm text-stone-700 tabular-nums">
                      {formatMoney(line.unitAmountMinor, currency)} each
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3">
                    <QuantityStepper
                      id={`quantity-${line.productId}`}
                      label={`Quantity of ${line.name}`}
                      hideLabel
                      value={quantities.get(line.productId) ?? line.quantity}
                      onChange={(quantity) => updateCart((cart) => setStoredQuantity(cart, line.productId, quantity))}
                    />
                    <p
                      className={`w-24 text-right font-semibold text-stone-900 tabular-nums ${pending ? "opacity-60" : ""}`}
                      data-testid="line-total"
                    >
                      {formatMoney(line.lineTotalMinor, currency)}
                    </p>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => updateCart((cart) => removeFromStoredCart(cart, [line.productId]))}
                      aria-label={`Remove ${line.name} from cart`}
                    >
                      Remove
                    </Button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside aria-labelledby="cart-summary-heading" className="h-max rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="cart-summary-heading" className="text-lg font-semibold text-stone-900">
          Summary
        </h2>
        <dl className="mt-4 flex flex-col gap-2 text-sm">
          <div className="flex justify-between">
            <dt className="text-stone-700">Items</dt>
            <dd className="tabular-nums">{priced ? priced.itemCount : "…"}</dd>
          </div>
          <div className="flex justify-between border-t border-stone-200 pt-3 text-base">
            <dt className="font-semibold">Subtotal</dt>
            <dd
              className={`font-semibold tabular-nums ${pending ? "opacity-60" : ""}`}
              data-testid="cart-subtotal"
              aria-busy={pending}
            >
              {priced && priced.currency === stored.currency ? formatMoney(priced.subtotalMinor, priced.currency) : "…"}
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-xs text-stone-700">Prices in {stored.currency}, confirmed by the shop just now.</p>
        <Link href="/checkout" className={buttonClasses("primary", "lg", "mt-4 w-full")}>
          Checkout
        </Link>
        <Button variant="secondary" size="sm" className="mt-4 w-full" onClick={() => writeCart(EMPTY_CART)}>
          Empty cart
        </Button>
      </aside>
    </div>
  );
}
