import type { Browser } from "@playwright/test";
import Stripe from "stripe";
import { developmentStaff } from "./back-office-helpers";
import { continueToPayment, ordersOf, payByCard, startCheckout } from "./checkout-helpers";
import { E2E_BASE_URL, E2E_SANDBOX_URL } from "./e2e-env";
import { expect, type Page } from "./fixtures";
import { query, signInFrom } from "./refunds-helpers";

/** Stripe's test card whose charges Radar rates elevated risk and places in manual review. */
export const ELEVATED_RISK_CARD = "4000000000009235";

/** The run's sandbox as the app's Stripe client sees it. */
export function sandboxStripe(): Stripe {
  const url = new URL(E2E_SANDBOX_URL);
  return new Stripe("sk_test_payops_sandbox", { host: url.hostname, port: Number(url.port), protocol: "http" });
}

/** A domain of the spec's own, so a rule scoped to it never touches another spec's checkouts. */
export function uniqueDomain(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.test`;
}

/** A risk analyst signed in on the Fraud rules page. */
export async function openFraudRules(page: Page): Promise<void> {
  await signInFrom(page, "/dashboard/fraud-rules", developmentStaff("risk"));
  await expect(page.getByRole("heading", { name: "Fraud rules", level: 1 })).toBeVisible();
}

/** Adds a rule on the Fraud rules page and waits until it is listed, on. Returns its id. */
export async function addRule(page: Page, source: string): Promise<string> {
  await page.getByLabel("New rule").fill(source);
  await page.getByRole("button", { name: "Add rule" }).click();
  const item = page.getByTestId("fraud-rule").filter({ hasText: source });
  await expect(item).toContainText("On");
  await expect(item).toContainText("Version 1");
  const [row] = await query<{ id: string }>("SELECT id FROM fraud_rules WHERE source = $1 AND enabled", [source]);
  return row!.id;
}

/**
 * A held order's page stops polling (a review can take days), so the customer comes back to it:
 * reloads until the status reads `label` (Stripe's webhook follows the analyst's verdict).
 */
export async function expectStatusOnReturn(customer: Page, label: string): Promise<void> {
  await expect(async () => {
    await customer.reload();
    await expect(customer.getByTestId("order-status")).toHaveText(label, { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

/** A held payment in the review queue, by the customer's email in its link (other items may name it too). */
export function reviewItemFor(page: Page, email: string) {
  return page.getByTestId("review-item").filter({ has: page.getByRole("link", { name: email, exact: true }) });
}

/** Switches a rule off on the page; if the page cannot (a failed spec), directly, so no rule outlives its spec. */
export async function switchRuleOff(page: Page, ruleId: string, source: string): Promise<void> {
  try {
    await page.goto("/dashboard/fraud-rules");
    const item = page.getByTestId("fraud-rule").filter({ hasText: source });
    await item.getByRole("button", { name: "Switch off" }).click({ timeout: 15_000 });
    await expect(item).toContainText("Off", { timeout: 10_000 });
    await expect(item).toContainText("Version 2");
  } finally {
    await query("UPDATE fraud_rules SET enabled = false, version = version + 1 WHERE id = $1 AND enabled", [ruleId]);
  }
}

/**
 * A customer, in a browser context of their own, pays with `card` and lands on the order page;
 * returns once PayOps has the order in `status`.
 */
export async function customerPays(
  browser: Browser,
  email: string,
  card: string,
  status: string,
): Promise<{ orderId: string; customer: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const customer = await context.newPage();
  await startCheckout(customer, { email, lines: [["stoneware-mug", 1]], country: "US" });
  await continueToPayment(customer);
  await payByCard(customer, card);
  await expect(customer).toHaveURL(/\/orders\//, { timeout: 20_000 });
  await expect.poll(async () => (await ordersOf(email))[0]?.status, { timeout: 30_000 }).toBe(status);
  return { orderId: (await ordersOf(email))[0]!.id, customer, close: () => context.close() };
}
