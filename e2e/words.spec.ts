import { startCheckoutThroughApi } from "./api-checkout-helpers";
import { developmentStaff } from "./back-office-helpers";
import { expect, test } from "./fixtures";
import { signInFrom } from "./refunds-helpers";
import { checkScreen, expectBarsOverTheirDays, expectColumnsApart, expectTimesWithUtc } from "./words-helpers";
import { paidOrderThroughApi, requestRefund } from "./words-orders";

test("staff read every back-office screen in words, and the overview's bars sit over their days at two widths", async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  // Both above the approval limit ($128.00 > $100.00): one stays waiting, finance rejects the other.
  const waiting = await paidOrderThroughApi({ slug: "merino-throw", currency: "USD", label: "words-waiting" });
  const decided = await paidOrderThroughApi({ slug: "merino-throw", currency: "USD", label: "words-decided" });
  // Checkout started, no card yet: the order is pending payment, its PaymentIntent requires_payment_method.
  const { email: unpaidEmail } = await startCheckoutThroughApi({
    slug: "enamel-bowl",
    currency: "USD",
    label: "words-unpaid",
  });

  await signInFrom(page, "/dashboard", developmentStaff("admin"));
  await requestRefund(page, waiting.orderId, 12_800, "requested_by_customer");
  await requestRefund(page, decided.orderId, 12_800, "requested_by_customer");

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const chart = page.getByTestId("daily-volume-USD");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectBarsOverTheirDays(chart, width);
    await checkScreen(page, testInfo, `overview-${width}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await chart.getByText("Show as a table").click();
  await expect(chart.getByRole("table")).toContainText("Captured");

  // The payment column in words, the order's state and the payment's state told apart.
  await page.goto(`/dashboard/orders?email=${encodeURIComponent(unpaidEmail)}`);
  const unpaidRow = page.locator("tbody tr").filter({ hasText: unpaidEmail });
  await expect(unpaidRow).toContainText("Pending payment");
  await expect(unpaidRow).toContainText("Waiting for a card");
  await expectColumnsApart(page.locator("main table").first());
  await checkScreen(page, testInfo, "orders-table");

  // A refund waiting for approval says why and who decides.
  await page.goto(`/dashboard/orders/${waiting.orderId}`);
  const refunds = page.getByRole("region", { name: "Refunds" });
  await expect(refunds).toContainText("$128.00 · Awaiting approval");
  await expect(refunds.getByTestId("refund-approval-note")).toContainText("would pass $100.00");
  await expect(refunds.getByTestId("refund-approval-note")).toContainText("Admin and Finance can approve or reject it");
  const payments = page.getByTestId("payments-table");
  await expect(payments).toContainText("Visa •••• 4242");
  await expect(payments.getByRole("link", { name: /in the Stripe Dashboard/ })).toHaveAttribute(
    "href",
    /^https:\/\/dashboard\.stripe\.com\/test\/payments\/pi_/,
  );
  await expectColumnsApart(payments);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Payment succeeded");
  await expectTimesWithUtc(page.locator("main"));
  await checkScreen(page, testInfo, "order-refund-awaiting-approval");
  // Stripe's names and ids are one click away, behind an entry's details.
  const succeeded = timeline.getByTestId("timeline-entry").filter({ hasText: "Payment succeeded" }).first();
  await succeeded.getByText("Details").click();
  await expect(succeeded).toContainText("payment_intent.succeeded", { useInnerText: true });

  await page.goto("/dashboard/refunds/approvals");
  await expect(page.getByTestId("approval-item").filter({ hasText: waiting.email })).toContainText(
    "You requested this refund",
  );
  await checkScreen(page, testInfo, "refund-approvals-waiting");

  // Finance rejects one with a reason; its order page then says who decided, when and why.
  const financeContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const finance = await financeContext.newPage();
  try {
    await signInFrom(finance, "/dashboard/refunds/approvals", developmentStaff("finance"));
    const item = finance.getByTestId("approval-item").filter({ hasText: decided.email });
    await item.getByLabel("Reason to reject").fill("Bought more than 30 days ago");
    await item.getByRole("button", { name: "Reject" }).click();
    await expect(item).toHaveCount(0, { timeout: 30_000 });
    await checkScreen(finance, testInfo, "refund-approvals-after-decision");
    await finance.goto(`/dashboard/orders/${decided.orderId}`);
    const decision = finance.getByRole("region", { name: "Refunds" }).getByTestId("refund-decision");
    await expect(decision).toContainText("Rejected by Fay Finance on");
    await expect(decision).toContainText("Bought more than 30 days ago");
    await checkScreen(finance, testInfo, "order-refund-decided");
  } finally {
    await financeContext.close();
  }

  await page.goto("/dashboard/audit");
  const rejected = page
    .getByRole("row")
    .filter({ has: page.locator(`a[href="/dashboard/orders/${decided.orderId}"]`) });
  await expect(rejected.filter({ hasText: "Refund rejected" })).toHaveCount(1);
  await checkScreen(page, testInfo, "audit-log");

  // A role without the audit log reads what the page is and who can open it, not "audit.read".
  await signInFrom(page, "/dashboard/audit", developmentStaff("risk"));
  const forbidden = page.getByRole("status").filter({ hasText: "The audit log is not open to your role" });
  await expect(forbidden).toContainText("Risk analyst");
  await expect(forbidden).toContainText("An admin can change your role on the Staff page");
  await checkScreen(page, testInfo, "forbidden-audit-log");
});
