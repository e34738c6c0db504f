import type { CaughtMail } from "../server/mail-catcher";
import { developmentStaff } from "./back-office-helpers";
import { E2E_MAIL_URL } from "./e2e-env";
import { expect, test } from "./fixtures";
import { signInFrom } from "./refunds-helpers";
import { seeded } from "./shop-helpers";
import { checkScreen, saveScreenshot } from "./words-helpers";
import { paidOrderThroughApi, requestRefund, waitForRefundSucceeded } from "./words-orders";

/** Written here with Intl, not with PayOps' own helpers, so a wrong helper cannot agree with itself. */
const money = (minor: number, currency: string, exponent: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minor / 10 ** exponent);
const day = (date: Date) =>
  new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(date);
const orderNumber = (orderId: string) => orderId.slice(0, 8).toUpperCase();

test("a customer's order page is a receipt for a paid, a partially refunded and a disputed order; staff read the dispute in words", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const towel = seeded("linen-tea-towel");
  const throw_ = seeded("merino-throw");
  const teapot = seeded("cast-iron-teapot");
  const paidInYen = await paidOrderThroughApi({
    slug: towel.slug,
    currency: "JPY",
    label: "receipt-jpy",
    shipping: { name: "Sei Shonagon", line1: "1-1 Marunouchi", city: "Tokyo", postalCode: "100-0005", country: "JP" },
  });
  const refunded = await paidOrderThroughApi({
    slug: throw_.slug,
    currency: "USD",
    label: "receipt-refund",
    shipping: {
      name: "Grace Hopper",
      line1: "1600 Amphitheatre Parkway",
      city: "Mountain View",
      postalCode: "94043",
      country: "US",
    },
  });
  const disputed = await paidOrderThroughApi({
    slug: teapot.slug,
    currency: "EUR",
    label: "receipt-dispute",
    paymentMethod: "pm_card_createDispute",
    shipping: { name: "Ada Lovelace", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", country: "DE" },
  });

  // Support refunds $5.00 of the throw (under the approval limit, so it goes straight to Stripe).
  await signInFrom(page, "/dashboard", developmentStaff("support"));
  await requestRefund(page, refunded.orderId, 500, "damaged");
  await waitForRefundSucceeded(refunded.orderId);

  await page.goto("/dashboard/disputes");
  const row = page.getByTestId("dispute-row").filter({ hasText: disputed.email });
  await expect(row).toContainText("Fraudulent");
  await expect(row).toContainText(money(teapot.prices.EUR, "EUR", 2));
  await checkScreen(page, testInfo, "disputes");
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Dispute on ${disputed.email}` })).toBeVisible();
  await checkScreen(page, testInfo, "dispute");

  // The customer: no staff session, the order's own link.
  await page.context().clearCookies();
  const receipt = page.getByTestId("receipt");

  await page.goto(`/orders/${paidInYen.publicToken}`);
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 30_000 });
  await expect(receipt.getByRole("heading")).toHaveText(`Receipt for order ${orderNumber(paidInYen.orderId)}`);
  await expect(receipt).toContainText(day(paidInYen.createdAt));
  await expect(receipt.getByRole("row").filter({ hasText: towel.name })).toContainText(
    `¥${towel.prices.JPY.toLocaleString("en-US")}`,
  );
  // Yen have no minor unit: ¥2,400, never ¥2,400.00 or ¥24.00.
  await expect(receipt.getByTestId("receipt-total")).toHaveText(/^¥\d{1,3}(,\d{3})*$/);
  await expect(receipt).toContainText("Visa •••• 4242");
  await expect(receipt.locator("address")).toContainText("1-1 Marunouchi");
  await expect(receipt.locator("address")).toHaveText(/Japan$/);
  await expect(receipt.getByTestId("receipt-refund")).toHaveCount(0);
  await checkScreen(page, testInfo, "receipt-paid-jpy");

  await page.goto(`/orders/${refunded.publicToken}`);
  await expect(page.getByTestId("order-status")).toHaveText("Partially refunded", { timeout: 30_000 });
  await expect(receipt.getByTestId("receipt-total")).toHaveText(money(throw_.prices.USD, "USD", 2));
  // The United States' post writes the city before the ZIP code.
  await expect(receipt.locator("address")).toHaveText(
    ["Grace Hopper", "1600 Amphitheatre Parkway", "Mountain View, 94043", "United States of America"].join("\n"),
    { useInnerText: true },
  );
  await expect(receipt.getByTestId("receipt-refund")).toContainText(
    `${money(500, "USD", 2)} of ${money(throw_.prices.USD, "USD", 2)} refunded, last on ${day(new Date())}`,
  );
  await checkScreen(page, testInfo, "receipt-partially-refunded");

  await page.goto(`/orders/${disputed.publicToken}`);
  await expect(page.getByTestId("order-status")).toHaveText("Disputed", { timeout: 30_000 });
  await expect(receipt).toContainText("Visa •••• 0259");
  await expect(receipt.locator("address")).toContainText("10117 Berlin");
  await expect(receipt.getByTestId("receipt-dispute")).toContainText(
    `Your bank told us you disputed ${money(teapot.prices.EUR, "EUR", 2)} of this payment`,
  );
  await checkScreen(page, testInfo, "receipt-disputed");

  // The mails arrived at the mail catcher, each amount in its order's currency; a newcomer reads
  // them on the catcher's page (opened outside the axe-checking page: it shows each mail's HTML in
  // a sandboxed frame, which axe cannot enter).
  const mailTo = async (email: string, subject: string) => {
    let found: CaughtMail | undefined;
    await expect
      .poll(
        async () => {
          const mails = (await (await page.request.get(`${E2E_MAIL_URL}/api/mails`)).json()) as CaughtMail[];
          found = mails.find((mail) => mail.to.includes(email) && mail.subject === subject);
          return Boolean(found);
        },
        { timeout: 90_000 },
      )
      .toBe(true);
    return found!;
  };
  const yenTotal = `¥${towel.prices.JPY.toLocaleString("en-US")}`;
  const confirmation = await mailTo(paidInYen.email, `Your order ${orderNumber(paidInYen.orderId)} is confirmed`);
  expect(confirmation.text).toContain(yenTotal);
  expect(confirmation.html).toContain(yenTotal);
  expect(confirmation.text).not.toMatch(new RegExp(`${yenTotal}\\.\\d|\\.00`));
  const refundNotice = await mailTo(refunded.email, `A refund of $5.00 for order ${orderNumber(refunded.orderId)}`);
  expect(refundNotice.text).toContain(`We refunded ${money(500, "USD", 2)} of your order`);
  const inbox = await page.context().newPage();
  for (const [name, mail] of [
    ["mail-confirmation-jpy", confirmation],
    ["mail-refund-notice", refundNotice],
  ] as const) {
    await inbox.goto(`${E2E_MAIL_URL}/mails/${mail.id}`);
    await expect(inbox.getByRole("heading", { level: 1 })).toHaveText(mail.subject);
    await saveScreenshot(inbox, testInfo, name);
  }
  await inbox.close();
});
