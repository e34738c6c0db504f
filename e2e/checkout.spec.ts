import {
  CARDS,
  continueToPayment,
  DELAYED_SEPA_IBAN,
  expectOrderStatus,
  ordersOf,
  orderTokenFrom,
  payByCard,
  sandboxPaymentIntentsFor,
  settleInSandbox,
  startCheckout,
  uniqueEmail,
} from "./checkout-helpers";
import { expect, test } from "./fixtures";
import { chooseCurrency, expectedTotal } from "./shop-helpers";

// Each test walks the whole purchase (shop, cart, checkout, payment, order page): give it room.
test.beforeEach(() => test.slow());

test("a customer buys two products and sees Paid", async ({ page }) => {
  const email = uniqueEmail("two-products");
  const lines: Array<[string, number]> = [
    ["ceramic-pour-over", 1],
    ["stoneware-mug", 2],
  ];
  await startCheckout(page, { email, lines });
  const total = expectedTotal("USD", lines);
  await expect(page.getByTestId("checkout-total")).toHaveText(total);
  await continueToPayment(page);
  await payByCard(page, CARDS.ok);

  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{32}$/);
  await expectOrderStatus(page, "Paid");
  await expect(page.getByTestId("order-total")).toHaveText(total);
  // A receipt to keep: the order number, the lines with their prices and the card it was paid with.
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByTestId("receipt-total")).toHaveText(total);
  await expect(receipt).toContainText("Visa •••• 4242");
  await expect(receipt.getByRole("row")).toHaveCount(4);
  // The cart was bought: it is empty now.
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  const [order] = await ordersOf(email);
  expect(order?.status).toBe("paid");
  const intents = await sandboxPaymentIntentsFor(order!.id);
  expect(intents.map((intent) => [intent.status, intent.amount])).toEqual([["succeeded", 3400 + 2 * 2200]]);
});

test("a declined card shows the reason and a second card succeeds on the same order", async ({ page }) => {
  const email = uniqueEmail("declined");
  await startCheckout(page, { email, lines: [["stoneware-mug", 1]] });
  await continueToPayment(page);

  await payByCard(page, CARDS.insufficientFunds);
  await expect(page.getByTestId("payment-problem")).toHaveText("Your card has insufficient funds. Try another card.");
  await expect(page.getByRole("region", { name: "Payment" }).getByRole("alert")).toBeVisible();
  // The form keeps what the customer typed, except the security code.
  await expect(page.getByLabel("Card number")).toHaveValue(/4000\s?0000\s?0000\s?9995/);
  await expect(page.getByLabel("Expiry (MM/YY)")).toHaveValue(/^12 ?\/ ?30$/);
  await expect(page.getByLabel("Security code (CVC)")).toHaveValue("");

  await payByCard(page, CARDS.declined);
  await expect(page.getByTestId("payment-problem")).toHaveText("Your card was declined. Try another card.");

  await payByCard(page, CARDS.ok);
  await expectOrderStatus(page, "Paid");

  const orders = await ordersOf(email);
  expect(orders).toHaveLength(1);
  expect(orders[0]!.public_token).toBe(orderTokenFrom(page));
  const intents = await sandboxPaymentIntentsFor(orders[0]!.id);
  expect(intents.map((intent) => intent.status)).toEqual(["succeeded"]);
});

test("a 3-D Secure card that passes ends Paid", async ({ page }) => {
  // Neither the shop nor the sandbox's challenge page asks for an icon that is not there.
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && /icon/i.test(new URL(response.url()).pathname)) missing.push(response.url());
  });
  const email = uniqueEmail("three-ds-pass");
  await startCheckout(page, { email, lines: [["linen-tea-towel", 1]] });
  await continueToPayment(page);
  await payByCard(page, CARDS.threeDSecure);

  await expect(page.locator("strong")).toHaveText(/^\$\d+\.\d{2}$/);
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{32}\?/);
  await expectOrderStatus(page, "Paid");
  expect(missing).toEqual([]);
});

test("a 3-D Secure card that fails ends payment_failed with a retry on the same order", async ({ page }) => {
  const email = uniqueEmail("three-ds-fail");
  await startCheckout(page, { email, lines: [["linen-tea-towel", 1]] });
  await continueToPayment(page);
  await payByCard(page, CARDS.threeDSecure);

  await page.getByRole("button", { name: "Fail authentication" }).click();
  await expectOrderStatus(page, "Payment failed");
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "payment_failed");
  await expect(page.getByTestId("payment-problem")).toContainText("could not confirm it was you");
  const [failed] = await ordersOf(email);
  expect(failed?.status).toBe("payment_failed");

  await page.getByRole("button", { name: "Try again" }).click();
  await payByCard(page, CARDS.ok);
  await expectOrderStatus(page, "Paid");
  const orders = await ordersOf(email);
  expect(orders).toHaveLength(1);
  expect(await sandboxPaymentIntentsFor(orders[0]!.id)).toHaveLength(1);
});

test("a SEPA Direct Debit payment shows Processing, then Paid", async ({ page }) => {
  const email = uniqueEmail("sepa");
  await page.goto("/");
  await chooseCurrency(page, "EUR");
  await startCheckout(page, { email, lines: [["stoneware-mug", 1]], country: "DE" });
  await expect(page.getByTestId("checkout-total")).toHaveText(expectedTotal("EUR", [["stoneware-mug", 1]]));
  await continueToPayment(page);

  await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  // This IBAN's debit stays processing until the spec lets it through: no race with a timer.
  await page.getByLabel("IBAN").fill(DELAYED_SEPA_IBAN);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Processing", { timeout: 20_000 });
  const [processing] = await ordersOf(email);
  expect(processing?.status).toBe("processing");
  const [intent] = await sandboxPaymentIntentsFor(processing!.id);
  await settleInSandbox(`payment_intents/${intent!.id}`);
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 30_000 });
  const [order] = await ordersOf(email);
  expect(order?.status).toBe("paid");
  const intents = await sandboxPaymentIntentsFor(order!.id);
  expect(
    intents.map((intent) => [intent.status, intent.currency, intent.payment_method_types.includes("sepa_debit")]),
  ).toEqual([["succeeded", "eur", true]]);
});
