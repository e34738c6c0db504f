import { formatMoney } from "../server/money";
import { expect, test } from "./fixtures";
import { addToCart, chooseCurrency, expectedTotal, seeded } from "./shop-helpers";

test("two products in the cart total correctly and survive a reload", async ({ page }) => {
  await addToCart(page, "stoneware-mug", 2);
  await addToCart(page, "brass-pen", 1);
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  await page.getByRole("link", { name: /^Cart/ }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const total = expectedTotal("USD", [
    ["stoneware-mug", 2],
    ["brass-pen", 1],
  ]);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-subtotal")).toHaveText(total);

  await page.reload();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-subtotal")).toHaveText(total);
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  // Changing a quantity is re-priced by the server.
  await page.getByRole("button", { name: `Increase quantity of ${seeded("brass-pen").name}` }).click();
  await expect(page.getByTestId("cart-subtotal")).toHaveText(
    expectedTotal("USD", [
      ["stoneware-mug", 2],
      ["brass-pen", 2],
    ]),
  );
});

test("a yen cart is priced in whole yen", async ({ page }) => {
  await page.goto("/");
  await chooseCurrency(page, "JPY");
  const pourOver = seeded("ceramic-pour-over");
  await expect(page.getByRole("listitem").filter({ hasText: pourOver.name }).getByTestId("product-price")).toHaveText(
    formatMoney(pourOver.prices.JPY, "JPY"),
  );

  await addToCart(page, "ceramic-pour-over", 1);
  await addToCart(page, "cast-iron-teapot", 2);
  await page.goto("/cart");
  const total = expectedTotal("JPY", [
    ["ceramic-pour-over", 1],
    ["cast-iron-teapot", 2],
  ]);
  await expect(page.getByTestId("cart-subtotal")).toHaveText(total);
  expect(total).toMatch(/^¥\d{1,3}(,\d{3})*$/);
  for (const amount of await page.getByTestId("line-total").allTextContents()) {
    expect(amount).toMatch(/^¥[\d,]+$/);
  }
});

test("a cart holds one currency: products cannot be added in another", async ({ page }) => {
  await addToCart(page, "linen-tea-towel", 1);
  await chooseCurrency(page, "EUR");
  await expect(page.getByText(/Your cart is priced in USD/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();

  await page.getByRole("button", { name: "Shop in USD" }).click();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
  await expect(page.getByTestId("product-price")).toHaveText(formatMoney(seeded("linen-tea-towel").prices.USD, "USD"));
});

test("a tampered cart in storage is cleaned up, never trusted", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => {
    window.localStorage.setItem(
      "payops.cart.v1",
      JSON.stringify({
        currency: "USD",
        lines: [{ productId: "00000000-0000-4000-8000-000000000000", quantity: 1, unitAmountMinor: 1 }],
      }),
    );
  });
  await page.goto("/cart");
  await expect(page.getByText(/no longer available/)).toBeVisible();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});
