import { readFile } from "node:fs/promises";
import {
  createStaffUser,
  developmentStaff,
  seedCustomerOrders,
  signIn,
  signInAs,
  uniqueStaffEmail,
} from "./back-office-helpers";
import { expect, test } from "./fixtures";

test("a visitor without a session is sent to sign in, and back afterwards", async ({ page }) => {
  await page.goto("/dashboard/orders?currency=EUR");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Forders%3Fcurrency%3DEUR$/);
  await expect(page.getByRole("heading", { name: "PayOps back office" })).toBeVisible();

  await signIn(page, developmentStaff("support"));
  await expect(page).toHaveURL(/\/dashboard\/orders\?currency=EUR$/);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
});

test("support finds an order by customer email, shares the view, and opens the order", async ({ page }) => {
  const email = uniqueStaffEmail("customer");
  await seedCustomerOrders(email, 2);
  await signInAs(page, "support");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Customer email").fill(email.toUpperCase().slice(0, 24));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/email=/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(email);
  await expect(rows.first()).not.toContainText(/requires_|pending_payment|succeeded/, { useInnerText: true });

  // The filter lives in the URL: a reload (or a colleague opening the link) shows the same view.
  await page.reload();
  await expect(page.locator("tbody tr")).toHaveCount(2);

  await page.getByRole("button", { name: /Total/ }).click();
  await expect(page).toHaveURL(/sort=total/);
  await expect(page.getByRole("columnheader", { name: /Total/ })).toHaveAttribute("aria-sort", "descending");

  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Order / })).toBeVisible();
  await expect(page.getByRole("region", { name: "Customer" })).toContainText(email);
  await expect(page.getByRole("region", { name: "Items" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Payments and attempts" })).toContainText("pi_seed_");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Created as Pending payment");
  await expect(page.getByRole("region", { name: "Refunds" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Disputes" })).toBeVisible();
  // Ledger lines are finance's (ledger.read): support's order page leaves them out.
  await expect(page.getByRole("region", { name: "Ledger lines" })).toHaveCount(0);
});

test("repeated failed sign-ins pause the account, even against the right password", async ({ page }) => {
  const password = "a-long-enough-password-1";
  const email = await createStaffUser("support", password);
  await page.goto("/sign-in");
  const refused = page.getByRole("alert").filter({ hasText: "Wrong email or password." });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, { email, password: `wrong-${attempt}` });
    await expect(refused).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }

  await signIn(page, { email, password });
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(refused).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a risk analyst reads orders but not the audit log or staff", async ({ page }) => {
  await signInAs(page, "risk");
  await expect(page.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/dashboard/staff");
  const forbidden = page.getByRole("status");
  await expect(forbidden).toContainText("The staff page is not open to your role (Risk analyst).");
  await expect(forbidden).toContainText("add staff and change their roles: Admin.");
  await expect(forbidden).not.toContainText("users.manage");
});

test("finance sees sign-ins in the audit log and exports it as CSV", async ({ page }) => {
  await signInAs(page, "finance");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("cell", { name: "Signed in", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table")).not.toContainText("staff.signed_in");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^payops-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  // The export is for machines: it keeps the raw action names.
  const csv = await readFile((await file.path())!, "utf8");
  expect(csv).toContain("staff.signed_in");
});
