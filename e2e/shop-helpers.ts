import { CATALOGUE_PRODUCTS, type SeedProduct } from "../server/catalogue/catalogue-products";
import type { ShopCurrency } from "../server/catalogue/shop-currencies";
import { formatMoney } from "../server/money";
import { expect, type Page } from "./fixtures";

/** A product of the seeded catalogue (the launcher seeds with the same data). */
export function seeded(slug: string): SeedProduct {
  const product = CATALOGUE_PRODUCTS.find((candidate) => candidate.slug === slug);
  if (!product) throw new Error(`No seeded product ${slug}`);
  return product;
}

/** What the shop should show for quantities of seeded products, computed from the seed data. */
export function expectedTotal(currency: ShopCurrency, lines: Array<[slug: string, quantity: number]>): string {
  const total = lines.reduce((sum, [slug, quantity]) => sum + seeded(slug).prices[currency] * quantity, 0);
  return formatMoney(total, currency);
}

export async function chooseCurrency(page: Page, currency: ShopCurrency): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`: ${currency}$`) }).click();
  await expect(page.getByRole("button", { name: new RegExp(`: ${currency}$`) })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
}

export async function addToCart(page: Page, slug: string, quantity: number): Promise<void> {
  await page.goto(`/products/${slug}`);
  for (let step = 1; step < quantity; step += 1) {
    await page.getByRole("button", { name: "Increase quantity" }).click();
  }
  await expect(page.getByLabel("Quantity", { exact: true })).toHaveValue(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(`Added ${quantity} × ${seeded(slug).name} to your cart.`)).toBeVisible();
}
