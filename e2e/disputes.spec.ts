import Stripe from "stripe";
import { developmentStaff } from "./back-office-helpers";
import { sandboxControlHeaders } from "./e2e-env";
import { expect, test } from "./fixtures";
import { paidOrderInShop, query, SANDBOX_URL, signInFrom } from "./refunds-helpers";
import { paidOrderThroughApi } from "./words-orders";

const DISPUTE_CARD = "4000000000000259";

test("a dispute from the dispute test card is answered from the form, and losing it updates order and ledger", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const { email, orderId } = await paidOrderInShop(browser, [["cast-iron-teapot", 1]], DISPUTE_CARD);
  await expect
    .poll(
      async () =>
        (await query<{ status: string }>("SELECT status FROM disputes WHERE order_id = $1", [orderId]))[0]?.status,
      {
        timeout: 30_000,
      },
    )
    .toBe("needs_response");

  await signInFrom(page, "/dashboard/disputes", developmentStaff("support"));
  const row = page.getByTestId("dispute-row").filter({ hasText: email });
  await expect(row).toContainText("Fraudulent");
  await expect(row.getByTestId("dispute-time-left")).toContainText(/\d+ days? .*left/);
  await row.getByRole("link").click();

  await expect(page.getByRole("heading", { name: `Dispute on ${email}` })).toBeVisible();
  await expect(page.getByLabel("Customer email")).toHaveValue(email);
  await expect(page.getByLabel("Order facts and anything else")).toHaveValue(/Cast Iron Teapot/i);
  await expect(page.getByLabel("Shipping address")).toHaveValue(/12 St James's Square/);
  await page.getByLabel("Why the customer was not refunded").fill("The customer confirmed delivery by email.");
  await page.getByLabel("Communication with the customer").setInputFiles({
    name: "delivery-emails.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% the customer's emails\n"),
  });
  await expect(page.getByText("File attached: delivery-emails.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Why the customer was not refunded")).toHaveValue(
    "The customer confirmed delivery by email.",
  );
  await expect(page.getByText("File attached")).toBeVisible();
  await page.getByRole("button", { name: "Submit evidence" }).click();
  await page.getByRole("button", { name: "Yes, submit to Stripe" }).click();
  await expect(page.getByText("Evidence submitted to Stripe.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/this is read-only/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit evidence" })).toHaveCount(0);

  const [disputeRow] = await query<{ stripe_dispute_id: string }>(
    "SELECT stripe_dispute_id FROM disputes WHERE order_id = $1",
    [orderId],
  );
  const stripeDisputeId = disputeRow!.stripe_dispute_id;
  const stripe = new Stripe("sk_test_payops_sandbox", {
    host: new URL(SANDBOX_URL).hostname,
    port: Number(new URL(SANDBOX_URL).port),
    protocol: "http",
  });
  const inSandbox = await stripe.disputes.retrieve(stripeDisputeId);
  expect(inSandbox.status).toBe("under_review");
  expect(inSandbox.evidence.refund_refusal_explanation).toBe("The customer confirmed delivery by email.");
  const communication = await stripe.files.retrieve(inSandbox.evidence.customer_communication as string);
  expect(communication).toMatchObject({ purpose: "dispute_evidence", type: "pdf", filename: "delivery-emails.pdf" });
  expect(inSandbox.evidence.customer_email_address).toBe(email);

  const settled = await fetch(`${SANDBOX_URL}/_sandbox/disputes/${stripeDisputeId}/settle`, {
    method: "POST",
    headers: sandboxControlHeaders(),
    body: JSON.stringify({ outcome: "lost" }),
  });
  expect(settled.status).toBe(200);
  await expect
    .poll(
      async () => (await query<{ status: string }>("SELECT status FROM orders WHERE id = $1", [orderId]))[0]?.status,
      {
        timeout: 30_000,
      },
    )
    .toBe("dispute_lost");
  const ledger = await query<{ kind: string }>(
    "SELECT kind FROM ledger_transactions WHERE order_id = $1 ORDER BY occurred_at",
    [orderId],
  );
  expect(ledger.map((entry) => entry.kind)).toContain("dispute_funds_withdrawn");

  await page.goto(`/dashboard/orders/${orderId}`);
  // The payment in words, with its card, the 3-D Secure result and a link to the Stripe Dashboard (test mode).
  const payments = page.getByTestId("payments-table");
  await expect(payments).toContainText("Visa •••• 0259");
  await expect(payments).toContainText("Not asked");
  await expect(payments.getByRole("link", { name: /in the Stripe Dashboard/ })).toHaveAttribute(
    "href",
    /^https:\/\/dashboard\.stripe\.com\/test\/payments\/pi_/,
  );
  await expect(page.getByRole("region", { name: "Disputes" })).toContainText("Lost");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Disputed → Dispute lost");
  // Words by default; Stripe's event names and ids only behind each entry's details.
  await expect(timeline).not.toContainText(/payment_intent\.|charge\.dispute|stripe_event|dispute_lost|evt_/, {
    useInnerText: true,
  });
  const disputeOpened = timeline.getByTestId("timeline-entry").filter({ hasText: "Customer disputed the payment" });
  await disputeOpened.getByText("Details").click();
  await expect(disputeOpened).toContainText("charge.dispute.created", { useInnerText: true });
});

test("support accepts a dispute after a confirmation that says what it means; Stripe closes it as lost, audited", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { email, orderId } = await paidOrderThroughApi({
    slug: "enamel-bowl",
    currency: "USD",
    label: "accept-dispute",
    paymentMethod: "pm_card_createDispute",
  });
  await signInFrom(page, "/dashboard/disputes", developmentStaff("support"));
  await page.getByTestId("dispute-row").filter({ hasText: email }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Dispute on ${email}` })).toBeVisible();

  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void (dialog.type() === "prompt" ? dialog.accept("The customer was refunded by bank transfer") : dialog.accept());
  });
  await page.getByRole("button", { name: "Accept dispute" }).click();
  await expect(page.getByText("Dispute accepted: it is closed as lost.")).toBeVisible({ timeout: 30_000 });
  expect(asked[0]).toMatch(/You concede it: the cardholder keeps \$[\d.]+, the dispute closes as lost/);

  const [dispute] = await query<{ id: string; stripe_dispute_id: string }>(
    "SELECT id, stripe_dispute_id FROM disputes WHERE order_id = $1",
    [orderId],
  );
  const stripe = new Stripe("sk_test_payops_sandbox", {
    host: new URL(SANDBOX_URL).hostname,
    port: Number(new URL(SANDBOX_URL).port),
    protocol: "http",
  });
  await expect.poll(async () => (await stripe.disputes.retrieve(dispute!.stripe_dispute_id)).status).toBe("lost");
  await expect
    .poll(
      async () =>
        (await query<{ status: string }>("SELECT status FROM disputes WHERE id = $1", [dispute!.id]))[0]?.status,
      {
        timeout: 30_000,
      },
    )
    .toBe("lost");
  const audit = await query<{ reason: string }>(
    "SELECT reason FROM audit_log WHERE action = 'dispute.accepted' AND subject_id = $1",
    [dispute!.id],
  );
  expect(audit).toEqual([{ reason: "The customer was refunded by bank transfer" }]);
  await page.reload();
  await expect(page.getByRole("button", { name: "Accept dispute" })).toHaveCount(0);
});
