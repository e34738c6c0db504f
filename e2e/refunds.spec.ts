import { developmentStaff } from "./back-office-helpers";
import { CARDS, settleInSandbox } from "./checkout-helpers";
import { expect, test } from "./fixtures";
import { openOrderByEmail, paidOrderInShop, query, signInFrom } from "./refunds-helpers";

test("support finds an order by email, refunds one line, and watches it go pending → succeeded", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  // Paid with the card whose refunds stay pending until the spec settles them: no race with a timer.
  const { email, orderId } = await paidOrderInShop(
    browser,
    [
      ["stoneware-mug", 2],
      ["brass-pen", 1],
    ],
    CARDS.pendingRefund,
  );
  await signInFrom(page, "/dashboard", developmentStaff("support"));
  await openOrderByEmail(page, email);

  const refunds = page.getByRole("region", { name: "Refunds" });
  await refunds.getByLabel("Units of Stoneware mug to refund").fill("1");
  await refunds.getByLabel("Reason").selectOption("damaged");
  await refunds.getByLabel("Note").fill("Handle chipped in transit");
  await refunds.getByRole("button", { name: "Request refund" }).click();

  // Followed live while Stripe works on it, then listed as succeeded once Stripe says so.
  const status = refunds.getByTestId("refund-list").getByTestId("refund-status");
  await expect(status).toHaveText(/Pending|Sending to Stripe/);
  await expect(status).toHaveText("Pending", { timeout: 30_000 });
  const [sent] = await query<{ stripe_refund_id: string }>(
    "SELECT stripe_refund_id FROM refunds WHERE order_id = $1 AND status = 'pending'",
    [orderId],
  );
  await settleInSandbox(`refunds/${sent!.stripe_refund_id}`);
  await expect(refunds).toContainText("$22.00 · Refunded", { timeout: 30_000 });
  await expect(refunds.getByTestId("refundable-amount")).toHaveText("$67.00");
  const rows = await query<{ amount_minor: number; status: string; requested_by_id: string | null }>(
    "SELECT amount_minor, status, requested_by_id FROM refunds WHERE order_id = $1",
    [orderId],
  );
  expect(rows).toEqual([expect.objectContaining({ amount_minor: 2200, status: "succeeded" })]);
});

test("a refund above the threshold waits for finance; the requester cannot approve their own", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const { email, orderId } = await paidOrderInShop(browser, [["merino-throw", 1]]);
  await signInFrom(page, "/dashboard", developmentStaff("admin"));
  await openOrderByEmail(page, email);
  const refunds = page.getByRole("region", { name: "Refunds" });
  await refunds.getByLabel("Everything left").check();
  await refunds.getByRole("button", { name: "Request refund" }).click();
  await expect(refunds).toContainText("$128.00 · Awaiting approval");
  // The requester learns why it waits and who decides.
  const note = refunds.getByTestId("refund-approval-note");
  await expect(note).toContainText("would pass $100.00");
  await expect(note).toContainText("Admin and Finance can approve or reject it");

  await page.getByRole("link", { name: "Refund approvals" }).click();
  const item = page.getByTestId("approval-item").filter({ hasText: email });
  await expect(item).toContainText("You requested this refund");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("You cannot approve or reject a refund you requested")).toBeVisible();
  expect(
    await query("SELECT 1 FROM refunds WHERE order_id = $1 AND status = 'awaiting_approval'", [orderId]),
  ).toHaveLength(1);

  await signInFrom(page, "/dashboard/refunds/approvals", developmentStaff("finance"));
  const forFinance = page.getByTestId("approval-item").filter({ hasText: email });
  await forFinance.getByRole("button", { name: "Approve" }).click();
  await expect(forFinance).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await query<{ status: string }>("SELECT status FROM refunds WHERE order_id = $1", [orderId]))[0]?.status,
      {
        timeout: 20_000,
      },
    )
    .toBe("succeeded");
  const audit = await query<{ action: string }>(
    "SELECT a.action FROM audit_log a JOIN refunds r ON r.id::text = a.subject_id WHERE r.order_id = $1 ORDER BY a.created_at",
    [orderId],
  );
  expect(audit.map((row) => row.action)).toEqual(["refund.requested", "refund.approved"]);

  // After the decision the order page says who approved it.
  await page.goto(`/dashboard/orders/${orderId}`);
  await expect(page.getByRole("region", { name: "Refunds" }).getByTestId("refund-decision")).toContainText(
    "Approved by Fay Finance on",
  );

  // The audit log tells the approval as a change in words, its subject linked to the order.
  await page.goto("/dashboard/audit");
  const approval = page
    .getByRole("row")
    .filter({ has: page.locator(`a[href="/dashboard/orders/${orderId}"]`) })
    .filter({ hasText: "Refund approved" });
  await expect(approval).toContainText("Status: Awaiting approval → Sending to Stripe");
  await expect(approval).not.toContainText(/awaiting_approval|approvedById/, { useInnerText: true });
});

test("a risk analyst gets forbidden on refund actions", async ({ browser, page }) => {
  const { email, orderId } = await paidOrderInShop(browser, [["enamel-bowl", 1]]);
  await signInFrom(page, "/dashboard", developmentStaff("risk"));
  await openOrderByEmail(page, email);
  const refunds = page.getByRole("region", { name: "Refunds" });
  await expect(refunds.getByTestId("refunds-forbidden")).toContainText("Only Admin and Support can request refunds");
  await expect(refunds.getByRole("button", { name: "Request refund" })).toHaveCount(0);

  const response = await page.request.post("/api/trpc/refunds.request", {
    data: {
      json: { orderId, amountMinor: 100, reasonCode: "goodwill", idempotencyKey: "risk-tries-a-refund" },
    },
  });
  expect(response.status()).toBe(403);
  expect(JSON.stringify(await response.json())).toContain("FORBIDDEN");

  await page.goto("/dashboard/refunds/approvals");
  const forbidden = page.getByRole("status").filter({ hasText: "Refund approvals is not open to your role" });
  await expect(forbidden).toContainText("Admin and Finance");
  await expect(forbidden).not.toContainText("refunds.approve");
  expect(await query("SELECT 1 FROM refunds WHERE order_id = $1", [orderId])).toHaveLength(0);
});
