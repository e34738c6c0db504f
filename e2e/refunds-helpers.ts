import type { Browser } from "@playwright/test";
import pg from "pg";
import { signIn } from "./back-office-helpers";
import { CARDS, continueToPayment, ordersOf, payByCard, startCheckout, uniqueEmail } from "./checkout-helpers";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_SANDBOX_URL } from "./e2e-env";
import { expect, type Page } from "./fixtures";

// The launcher's app, sandbox and embedded database for the run (e2e/e2e-env.ts).
export const SANDBOX_URL = E2E_SANDBOX_URL;
const BASE_URL = E2E_BASE_URL;
const DATABASE_URL = E2E_DATABASE_URL;

export async function query<Row extends object>(sql: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A customer pays for the lines in the shop with the given card, in a browser context of their own
 * (the staff page keeps its session); resolves once PayOps has the order paid.
 */
export async function paidOrderInShop(
  browser: Browser,
  lines: Array<[slug: string, quantity: number]>,
  card: string = CARDS.ok,
): Promise<{ email: string; orderId: string }> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  try {
    return await payInShop(page, lines, card);
  } finally {
    await context.close();
  }
}

async function payInShop(page: Page, lines: Array<[slug: string, quantity: number]>, card: string) {
  const email = uniqueEmail("refund-customer");
  await startCheckout(page, { email, lines, country: "US" });
  await continueToPayment(page);
  await payByCard(page, card);
  await expect(page).toHaveURL(/\/orders\//, { timeout: 20_000 });
  await expect.poll(async () => (await ordersOf(email))[0]?.status, { timeout: 20_000 }).toMatch(/^(paid|disputed)$/);
  return { email, orderId: (await ordersOf(email))[0]!.id };
}

/** Signs in as one of the development accounts on the sign-in page a protected page sent us to. */
export async function signInFrom(page: Page, path: string, credentials: { email: string; password: string }) {
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, credentials);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible({ timeout: 30_000 });
}

/** From the orders list, filtered by the customer's email, to that order's page. */
export async function openOrderByEmail(page: Page, email: string) {
  await page.getByRole("link", { name: "Orders" }).click();
  await page.getByLabel("Customer email").fill(email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/email=/, { timeout: 30_000 });
  await expect(page.locator("tbody tr")).toHaveCount(1, { timeout: 30_000 });
  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Order / })).toBeVisible({ timeout: 30_000 });
}
