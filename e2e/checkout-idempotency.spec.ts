import {
  CARDS,
  continueToPayment,
  expectOrderStatus,
  fillDetails,
  ordersOf,
  payByCard,
  sandboxPaymentIntentsFor,
  startCheckout,
  uniqueEmail,
} from "./checkout-helpers";
import { expect, test } from "./fixtures";

// Each test walks the whole purchase (shop, cart, checkout, payment, order page): give it room.
test.beforeEach(() => test.slow());

test("a double-clicked button and a reloaded checkout make one order and one PaymentIntent", async ({ page }) => {
  const email = uniqueEmail("double");
  await startCheckout(page, { email, lines: [["ceramic-pour-over", 1]] });
  await page.getByRole("button", { name: "Continue to payment" }).dblclick();
  await expect(page.getByRole("heading", { name: "Payment" })).toBeVisible();

  // Reload mid-checkout: the details come back and the same checkout continues.
  await page.reload();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await fillDetails(page, email);
  await continueToPayment(page);

  await page.getByLabel("Card number").fill(CARDS.ok);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByRole("button", { name: /^Pay / }).dblclick();
  await expectOrderStatus(page, "Paid");

  const orders = await ordersOf(email);
  expect(orders).toHaveLength(1);
  const intents = await sandboxPaymentIntentsFor(orders[0]!.id);
  expect(intents).toHaveLength(1);
  expect(intents[0]!.status).toBe("succeeded");
});

test("paying again after a reload of the paid order's checkout makes no second order", async ({ page }) => {
  const email = uniqueEmail("reload-after-pay");
  await startCheckout(page, { email, lines: [["stoneware-mug", 1]] });
  await continueToPayment(page);
  await payByCard(page, CARDS.ok);
  await expectOrderStatus(page, "Paid");

  await page.goBack();
  await page.reload();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  const orders = await ordersOf(email);
  expect(orders).toHaveLength(1);
  expect(await sandboxPaymentIntentsFor(orders[0]!.id)).toHaveLength(1);
});
