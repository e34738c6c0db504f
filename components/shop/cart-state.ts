import {
  isShopCurrency,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  type ShopCurrency,
} from "@/server/catalogue/shop-currencies";

/**
 * What the browser keeps of a cart: product ids and quantities in one currency. No prices: those
 * are read from the catalogue every time the cart is shown.
 */
export type StoredCart = { currency: ShopCurrency | null; lines: StoredCartLine[] };
export type StoredCartLine = { productId: string; quantity: number };

export const EMPTY_CART: StoredCart = Object.freeze({ currency: null, lines: [] }) as StoredCart;

export function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(MAX_LINE_QUANTITY, Math.max(1, Math.trunc(quantity)));
}

/** Reads a stored cart, dropping anything malformed rather than failing the page. */
export function parseStoredCart(raw: string | null): StoredCart {
  if (!raw) return EMPTY_CART;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_CART;
  }
  if (typeof value !== "object" || value === null) return EMPTY_CART;
  const { currency, lines } = value as { currency?: unknown; lines?: unknown };
  if (!isShopCurrency(currency) || !Array.isArray(lines)) return EMPTY_CART;
  const seen = new Set<string>();
  const kept: StoredCartLine[] = [];
  for (const line of lines as Array<{ productId?: unknown; quantity?: unknown }>) {
    if (typeof line?.productId !== "string" || typeof line.quantity !== "number" || seen.has(line.productId)) continue;
    seen.add(line.productId);
    kept.push({ productId: line.productId, quantity: clampQuantity(line.quantity) });
  }
  return kept.length === 0 ? EMPTY_CART : { currency, lines: kept.slice(0, MAX_CART_LINES) };
}

export type AddResult = { ok: true; cart: StoredCart } | { ok: false; reason: "other-currency" | "cart-full" };

/** Adds to a line (or starts one). A cart holds one currency: an item priced in another is refused. */
export function addToStoredCart(
  cart: StoredCart,
  productId: string,
  currency: ShopCurrency,
  quantity: number,
): AddResult {
  if (cart.lines.length > 0 && cart.currency !== currency) return { ok: false, reason: "other-currency" };
  const existing = cart.lines.find((line) => line.productId === productId);
  if (!existing && cart.lines.length >= MAX_CART_LINES) return { ok: false, reason: "cart-full" };
  const lines = existing
    ? cart.lines.map((line) =>
        line.productId === productId ? { productId, quantity: clampQuantity(line.quantity + quantity) } : line,
      )
    : [...cart.lines, { productId, quantity: clampQuantity(quantity) }];
  return { ok: true, cart: { currency, lines } };
}

export function setStoredQuantity(cart: StoredCart, productId: string, quantity: number): StoredCart {
  return {
    ...cart,
    lines: cart.lines.map((line) =>
      line.productId === productId ? { productId, quantity: clampQuantity(quantity) } : line,
    ),
  };
}

export function removeFromStoredCart(cart: StoredCart, productIds: readonly string[]): StoredCart {
  const lines = cart.lines.filter((line) => !productIds.includes(line.productId));
  return lines.length === 0 ? EMPTY_CART : { ...cart, lines };
}

export function countItems(cart: StoredCart): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}
