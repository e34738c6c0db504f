import { describe, expect, it } from "vitest";
import { checkoutKeyFor, forgetCheckoutKey, isCurrentCheckoutOrder, rememberCheckoutOrder } from "./checkout-key";

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("checkoutKeyFor", () => {
  it("keeps one key for the same checkout, across calls and reloads", () => {
    const storage = memoryStorage();
    const first = checkoutKeyFor("cart-a", storage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
    expect(checkoutKeyFor("cart-a", storage)).toBe(first);
  });

  it("starts a new checkout when the cart or details change, and after it is forgotten", () => {
    const storage = memoryStorage();
    const first = checkoutKeyFor("cart-a", storage);
    const second = checkoutKeyFor("cart-b", storage);
    expect(second).not.toBe(first);
    forgetCheckoutKey(storage);
    expect(checkoutKeyFor("cart-b", storage)).not.toBe(second);
  });

  it("knows which order the current checkout made", () => {
    const storage = memoryStorage();
    const key = checkoutKeyFor("cart-a", storage);
    rememberCheckoutOrder("token-1", storage);
    expect(isCurrentCheckoutOrder("token-1", storage)).toBe(true);
    expect(isCurrentCheckoutOrder("token-2", storage)).toBe(false);
    expect(checkoutKeyFor("cart-a", storage)).toBe(key);
  });
});
