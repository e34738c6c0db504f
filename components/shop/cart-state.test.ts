import { describe, expect, it } from "vitest";
import {
  addToStoredCart,
  countItems,
  EMPTY_CART,
  parseStoredCart,
  removeFromStoredCart,
  setStoredQuantity,
} from "./cart-state";

const mug = "0b8a4a52-9d0e-4c9b-9b1f-3f2f8d0c1a01";
const pen = "0b8a4a52-9d0e-4c9b-9b1f-3f2f8d0c1a02";

describe("the stored cart", () => {
  it("starts a cart in the currency of its first item and adds to existing lines", () => {
    const first = addToStoredCart(EMPTY_CART, mug, "JPY", 2);
    expect(first).toEqual({ ok: true, cart: { currency: "JPY", lines: [{ productId: mug, quantity: 2 }] } });
    if (!first.ok) return;
    const second = addToStoredCart(first.cart, mug, "JPY", 3);
    expect(second.ok && second.cart.lines).toEqual([{ productId: mug, quantity: 5 }]);
  });

  it("refuses an item in another currency", () => {
    const first = addToStoredCart(EMPTY_CART, mug, "USD", 1);
    if (!first.ok) throw new Error("expected the first add to succeed");
    expect(addToStoredCart(first.cart, pen, "EUR", 1)).toEqual({ ok: false, reason: "other-currency" });
  });

  it("keeps quantities within 1..99", () => {
    const first = addToStoredCart(EMPTY_CART, mug, "USD", 98);
    if (!first.ok) throw new Error("expected the first add to succeed");
    const more = addToStoredCart(first.cart, mug, "USD", 5);
    expect(more.ok && more.cart.lines[0]?.quantity).toBe(99);
    expect(setStoredQuantity(first.cart, mug, 0).lines[0]?.quantity).toBe(1);
    expect(setStoredQuantity(first.cart, mug, Number.NaN).lines[0]?.quantity).toBe(1);
  });

  it("forgets its currency once emptied", () => {
    const first = addToStoredCart(EMPTY_CART, mug, "USD", 1);
    if (!first.ok) throw new Error("expected the first add to succeed");
    const emptied = removeFromStoredCart(first.cart, [mug]);
    expect(emptied).toEqual(EMPTY_CART);
    expect(addToStoredCart(emptied, pen, "EUR", 1).ok).toBe(true);
  });

  it("reads back what it stored and drops malformed data", () => {
    const stored = { currency: "EUR", lines: [{ productId: mug, quantity: 2 }] };
    expect(parseStoredCart(JSON.stringify(stored))).toEqual(stored);
    expect(countItems(parseStoredCart(JSON.stringify(stored)))).toBe(2);
    expect(parseStoredCart("{not json")).toEqual(EMPTY_CART);
    expect(parseStoredCart(JSON.stringify({ currency: "GBP", lines: stored.lines }))).toEqual(EMPTY_CART);
    expect(
      parseStoredCart(
        JSON.stringify({
          currency: "USD",
          lines: [{ productId: mug, quantity: 500 }, { productId: mug, quantity: 1 }, { productId: 7 }, null],
        }),
      ),
    ).toEqual({ currency: "USD", lines: [{ productId: mug, quantity: 99 }] });
  });
});
