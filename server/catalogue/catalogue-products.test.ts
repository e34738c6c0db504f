import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE_PRODUCTS } from "./catalogue-products";
import { SHOP_CURRENCIES } from "./shop-currencies";

describe("the starting catalogue", () => {
  it("has at least twelve products with unique slugs and an image each", () => {
    expect(CATALOGUE_PRODUCTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CATALOGUE_PRODUCTS.map((product) => product.slug)).size).toBe(CATALOGUE_PRODUCTS.length);
    for (const product of CATALOGUE_PRODUCTS) {
      expect(existsSync(path.resolve("public/products", `${product.slug}.svg`)), product.slug).toBe(true);
    }
  });

  it("prices every product in every shop currency with positive minor units", () => {
    for (const product of CATALOGUE_PRODUCTS) {
      for (const currency of SHOP_CURRENCIES) {
        expect(Number.isSafeInteger(product.prices[currency]) && product.prices[currency] > 0).toBe(true);
      }
    }
  });

  it("writes yen as whole yen, not hundredths", () => {
    // A yen price is roughly 100-200 times the dollar price in dollars; in hundredths it would be 100 times more.
    for (const product of CATALOGUE_PRODUCTS) {
      const ratio = (product.prices.JPY * 100) / product.prices.USD;
      expect(ratio, product.slug).toBeGreaterThan(80);
      expect(ratio, product.slug).toBeLessThan(250);
    }
  });
});
