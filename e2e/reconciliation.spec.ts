import { formatMoney, toDecimalString } from "../server/money";
import { developmentStaff } from "./back-office-helpers";
import { expect, test } from "./fixtures";
import { feeDifferenceFor } from "./reconciliation-helpers";
import { paidOrderInShop, query, signInFrom } from "./refunds-helpers";

const EXTRA_FEE = 30;

test("finance works a fee difference to an adjusting entry that the ledger and the audit log show; support is kept out", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const { orderId } = await paidOrderInShop(browser, [["cast-iron-teapot", 1]]);
  const { breakId, chargeId, currency } = await feeDifferenceFor(orderId, EXTRA_FEE);
  const difference = formatMoney(EXTRA_FEE, currency);

  // Finance finds it in the queue of fee differences and opens it.
  await signInFrom(page, "/dashboard/reconciliation/breaks?type=fee_mismatch", developmentStaff("finance"));
  const row = page.locator("tbody tr").filter({ hasText: chargeId });
  await expect(row).toContainText(difference);
  await expect(row).toContainText("Open");
  await row.getByRole("link", { name: "Fee differs" }).click();
  await expect(page.getByRole("heading", { name: "Fee differs" })).toBeVisible();
  await expect(page.getByTestId("break-status")).toHaveText("Open");
  await expect(page.getByText(/Stripe.s fee for .* PayOps recorded/).first()).toBeVisible();

  const assign = page.getByRole("form", { name: "Assign" });
  await assign.getByLabel("Owner").selectOption({ label: "Fay Finance" });
  const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await assign.getByLabel("Due on").fill(dueOn);
  await assign.getByRole("button", { name: "Assign" }).click();
  // Each step re-renders the page from the server, which a loaded machine may take a while to do.
  await expect(page.getByTestId("break-status")).toHaveText("Assigned", { timeout: 30_000 });
  await expect(page.locator("dd").filter({ hasText: "Fay Finance" })).toBeVisible();

  const resolve = page.getByRole("form", { name: "Resolve" });
  await expect(resolve.getByLabel("How")).toHaveValue("adjusting_entry");
  await resolve.getByLabel("Adjustment").selectOption({ label: "Stripe fee correction" });
  // The amount as finance types it, in the currency's own decimals; a typo is said, and nothing is posted.
  const amount = resolve.getByLabel(`Amount in ${currency} (negative reverses the sides)`);
  await expect(amount).toHaveValue(toDecimalString(EXTRA_FEE, currency));
  await resolve.getByLabel("Reason").fill("Stripe charged more than its fee schedule");
  await amount.fill("0.305");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(resolve.getByRole("alert")).toContainText(`has more decimals than ${currency} allows`);
  await expect(page.getByTestId("break-status")).toHaveText("Assigned");
  await amount.fill(toDecimalString(EXTRA_FEE, currency));
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("break-status")).toHaveText("Resolved", { timeout: 30_000 });
  await expect(page.getByRole("form", { name: "Resolve" })).toHaveCount(0);

  // The entry as the ledger holds it: processing fees debited, the Stripe balance credited.
  const entry = page.getByTestId("adjusting-entry");
  await expect(entry).toContainText("Stripe fee correction for reconciliation difference");
  await expect(entry.getByRole("row").filter({ hasText: "6010" })).toContainText(difference);
  await expect(entry.getByRole("row").filter({ hasText: "1020" })).toContainText(difference);
  const [posted] = await query<{ kind: string; staff_email: string; debits: string; credits: string }>(
    `SELECT t.kind, s.email AS staff_email,
            sum(l.amount_minor) FILTER (WHERE l.direction = 'debit')::text AS debits,
            sum(l.amount_minor) FILTER (WHERE l.direction = 'credit')::text AS credits
       FROM reconciliation_breaks b
       JOIN ledger_transactions t ON t.id = b.ledger_transaction_id
       JOIN ledger_lines l ON l.transaction_id = t.id
       JOIN staff_users s ON s.id = t.staff_user_id
      WHERE b.id = $1::uuid
      GROUP BY t.kind, s.email`,
    [breakId],
  );
  expect(posted).toEqual({
    kind: "adjustment",
    staff_email: developmentStaff("finance").email,
    debits: String(EXTRA_FEE),
    credits: String(EXTRA_FEE),
  });

  const history = page.getByTestId("break-history");
  await expect(history).toContainText("Reconciliation difference assigned · Fay Finance");
  await expect(history).toContainText(`Adjusting entry posted · Fay Finance · ${difference}`);
  await expect(history).toContainText("Reconciliation difference resolved · Fay Finance");

  // The audit log tells each step, its subject linked back to the difference.
  await page.goto("/dashboard/audit");
  await page.getByLabel("Subject id").fill(breakId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const entries = page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr");
  await expect(entries).toHaveCount(3, { timeout: 30_000 });
  const adjustment = entries.filter({ hasText: "Adjusting entry posted" });
  await expect(adjustment).toContainText(developmentStaff("finance").email);
  await expect(adjustment).toContainText(difference);
  await expect(adjustment).toContainText("Stripe fee correction: Stripe charged more than its fee schedule");
  await expect(adjustment.getByRole("link", { name: /^Reconciliation difference / })).toHaveAttribute(
    "href",
    `/dashboard/reconciliation/breaks/${breakId}`,
  );
  await expect(entries.filter({ hasText: "Reconciliation difference assigned" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "Reconciliation difference resolved" })).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Audit log entries" })).not.toContainText(
    /reconciliation\.|reconciliation_break|fee_adjustment/,
    { useInnerText: true },
  );

  // Support neither sees the difference nor can resolve one.
  await signInFrom(page, `/dashboard/reconciliation/breaks/${breakId}`, developmentStaff("support"));
  const forbidden = page
    .getByRole("status")
    .filter({ hasText: "This reconciliation difference is not open to your role" });
  await expect(forbidden).toContainText("Support");
  await expect(forbidden).toContainText("Admin and Finance");
  await expect(forbidden).not.toContainText("reconciliation.read");
  await expect(page.getByRole("heading", { name: "Fee differs" })).toHaveCount(0);
  const refused = await page.request.post("/api/trpc/reconciliation.resolve", {
    data: { json: { breakId, resolution: "written_off", reason: "support tries to close it" } },
  });
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).toContain("FORBIDDEN");
  const runRefused = await page.request.post("/api/trpc/reconciliation.requestRun", {
    data: { json: { firstDay: "2026-11-01", lastDay: "2026-11-30" } },
  });
  expect(runRefused.status()).toBe(403);
  await page.goto("/dashboard/reconciliation");
  await expect(page.getByRole("status").filter({ hasText: "Reconciliation is not open to your role" })).toBeVisible();
  const [after] = await query<{ status: string; resolution: string }>(
    "SELECT status, resolution FROM reconciliation_breaks WHERE id = $1::uuid",
    [breakId],
  );
  expect(after).toEqual({ status: "resolved", resolution: "adjusting_entry" });
});

test("finance reconciles today from the back office, and the run appears and finishes on the page without a reload", async ({
  page,
}) => {
  await signInFrom(page, "/dashboard/reconciliation", developmentStaff("finance"));
  const form = page.getByRole("form", { name: "Reconcile a window now" });
  const backOfficeRuns = page.getByTestId("runs-table").locator("tbody tr").filter({ hasText: "Back office" });
  const earlier = await backOfficeRuns.count();
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel("First day (UTC)").fill(today);
  await form.getByLabel("Last day (UTC)").fill(today);
  await form.getByRole("button", { name: "Run now" }).click();
  await expect(form.getByRole("status")).toContainText("requested; it shows below as soon as it starts", {
    timeout: 30_000,
  });

  // The job executor runs it; the list (newest first) reads itself again until the run is done.
  await expect(backOfficeRuns).toHaveCount(earlier + 1, { timeout: 60_000 });
  const run = backOfficeRuns.first();
  await expect(run).toContainText(/Finished · [\d,]+ rows/, { timeout: 60_000 });
  const [recorded] = await query<{ status: string; rows_read: number; window_from: Date; window_to: Date }>(
    "SELECT status, rows_read, window_from, window_to FROM reconciliation_runs WHERE trigger = 'back_office' ORDER BY started_at DESC LIMIT 1",
    [],
  );
  expect(recorded).toMatchObject({ status: "succeeded" });
  expect(recorded!.window_from.toISOString()).toBe(`${today}T00:00:00.000Z`);
  expect(recorded!.window_to.getTime() - recorded!.window_from.getTime()).toBe(86_400_000);
  await expect(run).toContainText(`${recorded!.rows_read.toLocaleString("en-US")} rows`);

  await form.getByLabel("First day (UTC)").fill(today);
  await form.getByLabel("Last day (UTC)").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Run now" }).click();
  await expect(form.getByRole("alert")).toContainText("The last day must not be before the first day", {
    timeout: 30_000,
  });
});
