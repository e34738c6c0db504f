"use client";

import { useSyncExternalStore } from "react";
import { EMPTY_CART, parseStoredCart, type StoredCart } from "./cart-state";

const STORAGE_KEY = "payops.cart.v1";
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedCart: StoredCart = EMPTY_CART;

function readCart(): StoredCart {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private modes, strict settings): the cart then lives for the page only.
    return cachedCart;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedCart = parseStoredCart(raw);
  }
  return cachedCart;
}

export function writeCart(cart: StoredCart): void {
  const raw = cart.lines.length === 0 ? null : JSON.stringify(cart);
  try {
    if (raw === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, raw);
    cachedRaw = raw;
  } catch {
    cachedRaw = undefined;
  }
  cachedCart = cart;
  for (const listener of listeners) listener();
}

/** Applies a change to the current cart and saves it. */
export function updateCart(change: (cart: StoredCart) => StoredCart): void {
  writeCart(change(readCart()));
}

export function currentCart(): StoredCart {
  return readCart();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed the cart.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The stored cart, or null while it cannot be known yet (server rendering and hydration). */
export function useStoredCart(): StoredCart | null {
  return useSyncExternalStore<StoredCart | null>(subscribe, readCart, () => null);
}
