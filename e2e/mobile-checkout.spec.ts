import { CARDS, continueToPayment, expectOrderStatus, payByCard, startCheckout, uniqueEmail } from "./checkout-helpers";
import { expect, test } from "./fixtures";
import { expectedTotal, seeded } from "./shop-helpers";
import { checkScreen } from "./words-helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the header stays small, the order summary folds above the form, and a failed card keeps all but its code", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await startCheckout(page, { email: uniqueEmail("phone"), lines: [["stoneware-mug", 2]], country: "US" });

  // The sticky header is one row: it takes a sliver of an 844 px screen, not a quarter of it.
  const header = (await page.getByRole("banner").boundingBox())!;
  expect(header.height).toBeLessThan(80);
  expect(header.width).toBeLessThanOrEqual(390);

  const summary = page.getByTestId("order-summary");
  const toggle = summary.getByRole("button", { name: /Order summary/ });
  const total = expectedTotal("USD", [["stoneware-mug", 2]]);
  await expect(toggle).toContainText(total);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(summary.getByTestId("summary-line")).toBeHidden();
  const form = page.getByRole("form", { name: "Checkout details" });
  expect((await summary.boundingBox())!.y).toBeLessThan((await form.boundingBox())!.y);
  await checkScreen(page, testInfo, "checkout-details-390px");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(summary.getByTestId("summary-line")).toContainText(seeded("stoneware-mug").name);
  await checkScreen(page, testInfo, "checkout-summary-open-390px");
  await toggle.click();

  await continueToPayment(page);
  const payment = page.getByRole("heading", { name: "Payment" });
  expect((await summary.boundingBox())!.y + (await summary.boundingBox())!.height).toBeLessThan(
    (await payment.boundingBox())!.y,
  );
  await expect(page.getByTestId("deliver-to")).toContainText("London, SW1Y 4JH");

  // A declined card: the number and expiry stay for a correction, the security code does not.
  await payByCard(page, CARDS.insufficientFunds);
  await expect(page.getByTestId("payment-problem")).toHaveText("Your card has insufficient funds. Try another card.");
  await expect(page.getByLabel("Card number")).toHaveValue(/4000\s?0000\s?0000\s?9995/);
  await expect(page.getByLabel("Expiry (MM/YY)")).toHaveValue(/^12 ?\/ ?30$/);
  await expect(page.getByLabel("Security code (CVC)")).toHaveValue("");
  await checkScreen(page, testInfo, "checkout-declined-390px");

  // 3-D Secure on the sandbox's own page, which declares its icon as well.
  await payByCard(page, CARDS.threeDSecure);
  await expect(page.getByRole("button", { name: "Complete authentication" })).toBeVisible();
  await checkScreen(page, testInfo, "sandbox-3ds-challenge-390px", page.locator("body"));
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expectOrderStatus(page, "Paid");
  await expect(page.getByTestId("receipt")).toContainText(seeded("stoneware-mug").name);
  await checkScreen(page, testInfo, "receipt-390px");
});
