import { CATALOGUE_PRODUCTS } from "../server/catalogue/catalogue-products";
import { formatMoney } from "../server/money";
import { expect, test } from "./fixtures";
import { seeded } from "./shop-helpers";

test("the catalogue shows every seeded product with its price", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByRole("list", { name: "Products" }).getByRole("listitem");
  await expect(cards).toHaveCount(CATALOGUE_PRODUCTS.length);
  for (const product of CATALOGUE_PRODUCTS) {
    const card = cards.filter({ has: page.getByRole("link", { name: product.name, exact: true }) });
    await expect(card.getByTestId("product-price")).toHaveText(formatMoney(product.prices.USD, "USD"));
  }
});

test("a product page shows the product and links back", async ({ page }) => {
  const teapot = seeded("cast-iron-teapot");
  await page.goto("/");
  await page.getByRole("link", { name: teapot.name, exact: true }).click();
  await expect(page).toHaveURL(/\/products\/cast-iron-teapot$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teapot.name);
  await expect(page.getByTestId("product-price")).toHaveText(formatMoney(teapot.prices.USD, "USD"));
  await expect(page.getByText(teapot.description)).toBeVisible();
  await expect(page.getByRole("img", { name: /cast iron teapot/i })).toBeVisible();
  await page.getByRole("link", { name: "All products" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an unknown product answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that product" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse all products" })).toBeVisible();
});
