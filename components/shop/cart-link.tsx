"use client";

import Link from "next/link";
import { countItems } from "./cart-state";
import { useStoredCart } from "./cart-store";

export function CartLink() {
  const cart = useStoredCart();
  const count = cart ? countItems(cart) : 0;
  const label = count === 1 ? "1 item" : `${count} items`;
  return (
    <Link
      href="/cart"
      className="relative inline-flex h-11 items-center gap-2 rounded-lg px-2 sm:px-3 text-sm font-medium text-stone-800 hover:bg-stone-100"
      data-testid="cart-link"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path d="M6 7h12l-1 13H7L6 7z" strokeLinejoin="round" />
        <path d="M9 7a3 3 0 0 1 6 0" strokeLinecap="round" />
      </svg>
      <span className="sr-only sm:not-sr-only">Cart</span>
      <span className="sr-only">, {label}</span>
      <span
        aria-hidden="true"
        data-testid="cart-count"
        className="min-w-6 rounded-full bg-emerald-800 px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums text-white"
      >
        {count}
      </span>
    </Link>
  );
}
