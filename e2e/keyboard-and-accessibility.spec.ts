import { expect, test } from "./fixtures";
import { addToCart, seeded } from "./shop-helpers";

test("a keyboard reaches a product and adds it to the cart, with focus visible", async ({ page }) => {
  const bowl = seeded("enamel-bowl");
  await page.goto("/");

  const tabTo = async (isTarget: () => Promise<boolean>, limit = 40) => {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press("Tab");
      if (await isTarget()) return;
    }
    throw new Error("the target was not reachable with Tab");
  };
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

  await tabTo(async () => (await focusedName()) === bowl.name);
  const ring = await page.evaluate(() => {
    const link = document.activeElement as Element;
    return {
      outline: getComputedStyle(link, "::after").outlineStyle,
      // The ring is drawn around the card: a card that clips its overflow would cut it off.
      cardOverflow: getComputedStyle(link.closest("li") as Element).overflow,
    };
  });
  expect(ring).toEqual({ outline: "solid", cardOverflow: "visible" });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\/enamel-bowl$/);

  await tabTo(async () => (await focusedName()) === "Add to cart");
  const buttonOutline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(buttonOutline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Added 1 × ${bowl.name} to your cart.`)).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});

test("axe finds no serious or critical problems on any shop page", async ({ page }, testInfo) => {
  await page.goto("/cart");
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await addToCart(page, "merino-throw", 1);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await page.goto("/products/no-such-product");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");

  const checked = testInfo.annotations.filter((note) => note.type === "axe").map((note) => note.description);
  expect(checked).toEqual(
    expect.arrayContaining(["/", "/cart", "/products/merino-throw", "/products/no-such-product"]),
  );
});
