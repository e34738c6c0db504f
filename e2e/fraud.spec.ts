import { BLOCKED_MESSAGE } from "../server/checkout/blocked-message";
import { expectOrderStatus, sandboxPaymentIntentsFor, startCheckout, uniqueEmail } from "./checkout-helpers";
import { E2E_BASE_URL } from "./e2e-env";
import { expect, test } from "./fixtures";
import {
  addRule,
  customerPays,
  ELEVATED_RISK_CARD,
  expectStatusOnReturn,
  openFraudRules,
  reviewItemFor,
  sandboxStripe,
  switchRuleOff,
  uniqueDomain,
} from "./fraud-helpers";
import { query } from "./refunds-helpers";

test("an elevated-risk card waits in review; approving captures it, rejecting releases it", async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  // A rule that reads Radar's risk, so payments from this spec's domain are authorised first and
  // captured once the checks pass; other specs' checkouts are not held by it.
  const domain = uniqueDomain("radar");
  const source = `Block if :email_domain: = '${domain}' and :risk_level: = 'highest'`;
  await openFraudRules(page);

  // A rule that cannot be read is refused with the spot marked under the text.
  await page.getByLabel("New rule").fill(`Block if :email_domain: = = '${domain}'`);
  await page.getByRole("button", { name: "Add rule" }).click();
  const problem = page.getByRole("alert").filter({ hasText: "Line 1, column 27" });
  await expect(problem).toBeVisible();
  await expect(problem.getByTestId("rule-pointer")).toContainText(`${" ".repeat(26)}^`);
  await expect(page.getByTestId("fraud-rule").filter({ hasText: "= =" })).toHaveCount(0);

  const ruleId = await addRule(page, source);
  try {
    const approved = await customerPays(browser, `ada@${domain}`, ELEVATED_RISK_CARD, "in_review");
    const rejected = await customerPays(browser, `bob@${domain}`, ELEVATED_RISK_CARD, "in_review");
    await expectOrderStatus(approved.customer, "In review");
    const stripe = sandboxStripe();
    const [approvedIntent] = await sandboxPaymentIntentsFor(approved.orderId);
    expect(approvedIntent).toMatchObject({ status: "requires_capture", capture_method: "manual" });

    await page.getByRole("link", { name: "Review queue" }).click();
    const approveItem = reviewItemFor(page, `ada@${domain}`);
    await expect(approveItem).toContainText("Stripe Radar review");
    await expect(approveItem).toContainText("elevated risk");
    await approveItem.getByRole("button", { name: "Approve and capture" }).click();
    await expect(approveItem).toHaveCount(0, { timeout: 30_000 });
    await expectStatusOnReturn(approved.customer, "Paid");
    const captured = await stripe.paymentIntents.retrieve(approvedIntent!.id, { expand: ["latest_charge"] });
    expect(captured.status).toBe("succeeded");
    expect(captured.latest_charge).toMatchObject({ captured: true, amount_captured: captured.amount });
    // Stripe Radar opened its own review of the elevated-risk card; approving in PayOps approved it there.
    expect(captured.review).toMatch(/^prv_/);
    expect(await stripe.reviews.retrieve(captured.review as string)).toMatchObject({
      open: false,
      closed_reason: "approved",
    });

    const rejectItem = reviewItemFor(page, `bob@${domain}`);
    await rejectItem.getByLabel("Reason to reject").fill("Card and shipping country do not fit the customer");
    await rejectItem.getByRole("button", { name: "Reject and release" }).click();
    await expect(rejectItem).toHaveCount(0, { timeout: 30_000 });
    await expectStatusOnReturn(rejected.customer, "Canceled");
    const [rejectedIntent] = await sandboxPaymentIntentsFor(rejected.orderId);
    expect(rejectedIntent).toMatchObject({ status: "canceled", cancellation_reason: "fraudulent" });
    expect(await stripe.reviews.retrieve(rejectedIntent!.review as string)).toMatchObject({
      open: false,
      closed_reason: "canceled",
    });
    const audit = await query<{ action: string }>(
      "SELECT action FROM audit_log WHERE subject_id IN ($1, $2) AND action LIKE 'fraud.review_%' ORDER BY created_at",
      [approved.orderId, rejected.orderId],
    );
    expect(audit.map((entry) => entry.action)).toEqual(["fraud.review_approved", "fraud.review_rejected"]);
    await approved.close();
    await rejected.close();
  } finally {
    await switchRuleOff(page, ruleId, source);
  }
});

test("a Block rule added in the back office refuses checkout neutrally, and no PaymentIntent is made", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const source = "Block if :email_domain: = 'blocked.test'";
  await openFraudRules(page);
  const ruleId = await addRule(page, source);
  const startedAt = Math.floor(Date.now() / 1000) - 1;
  try {
    const email = uniqueEmail("shopper").replace("@example.com", "@blocked.test");
    const customer = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
    await startCheckout(customer, { email, lines: [["stoneware-mug", 1]] });
    await customer.getByRole("button", { name: "Continue to payment" }).click();
    const refusal = customer.getByRole("alert").filter({ hasText: BLOCKED_MESSAGE });
    await expect(refusal).toBeVisible();
    await expect(refusal).not.toContainText(/fraud|rule|blocked/i);
    await expect(customer.getByRole("heading", { name: "Payment" })).toHaveCount(0);

    // No order, and no PaymentIntent at the sandbox for this checkout: every one made since the
    // rule went in belongs to another spec's order.
    expect(await query("SELECT 1 FROM customers WHERE email = $1", [email])).toEqual([]);
    const [decision] = await query<{ action: string; order_id: string | null }>(
      "SELECT action, order_id FROM fraud_decisions WHERE deciding_rule_id = $1",
      [ruleId],
    );
    expect(decision).toEqual({ action: "block", order_id: null });
    const intents = await sandboxStripe()
      .paymentIntents.list({ created: { gte: startedAt }, limit: 100 })
      .autoPagingToArray({ limit: 10_000 });
    const owners = await query<{ email: string }>(
      "SELECT c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ANY($1::uuid[])",
      [intents.map((intent) => intent.metadata.order_id)],
    );
    expect(owners).toHaveLength(new Set(intents.map((intent) => intent.metadata.order_id)).size);
    expect(owners.map((owner) => owner.email)).not.toContain(email);
    await customer.context().close();

    // The same text as a draft on the backtest screen finds that refused checkout among recent payments.
    await page.getByLabel("Draft rule").fill(source);
    await page.getByRole("button", { name: "Run backtest" }).click();
    const result = page.getByTestId("backtest-result");
    await expect(result).toContainText(/Would have matched [1-9]\d* of \d+ payments/);
    await expect(result.getByRole("row").filter({ hasText: "Refused at checkout (no order)" }).first()).toContainText(
      "Refused",
    );
    await expect(result).not.toContainText(/\bblock\b|request_3ds|\breview\b/);
  } finally {
    await switchRuleOff(page, ruleId, source);
  }
});
