import pg from "pg";
import Stripe from "stripe";
import { E2E_DATABASE_URL, E2E_SANDBOX_URL, sandboxControlHeaders } from "./e2e-env";
import { expect, type Page } from "./fixtures";
import { addToCart } from "./shop-helpers";

// The launcher's sandbox and embedded database for the run (playwright.config.ts webServer env).
const SANDBOX_URL = process.env.E2E_STRIPE_API_URL ?? E2E_SANDBOX_URL;
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? E2E_DATABASE_URL;

export const CARDS = {
  ok: "4242424242424242",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  threeDSecure: "4000002500003155",
  /** Refunds stay pending until the spec settles them (Stripe: "pending, later succeeded"). */
  pendingRefund: "4000000000007726",
} as const;

/** Stripe's SEPA test IBAN that stays processing (at least three minutes) until the spec settles it. */
export const DELAYED_SEPA_IBAN = "DE08370400440532013003";

/** A fresh address per test, so the orders a test made can be told apart from other tests'. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** From an empty cart to the payment form: products, cart, checkout, details, continue. */
export async function startCheckout(
  page: Page,
  options: { email: string; lines: Array<[slug: string, quantity: number]>; country?: string },
): Promise<void> {
  for (const [slug, quantity] of options.lines) await addToCart(page, slug, quantity);
  await page.goto("/cart");
  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await fillDetails(page, options.email, options.country);
}

export async function fillDetails(page: Page, email: string, country = "GB"): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Address", { exact: true }).fill("12 St James's Square");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("Postal code").fill("SW1Y 4JH");
  await page.getByLabel("Country").selectOption(country);
}

export async function continueToPayment(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { name: "Payment" })).toBeVisible();
}

export async function payByCard(page: Page, number: string): Promise<void> {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** The status view polls until the payment settles; give it time on a busy machine. */
export async function expectOrderStatus(page: Page, label: string, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId("order-status")).toHaveText(label, { timeout });
}

export function orderTokenFrom(page: Page): string {
  const match = /\/orders\/([A-Za-z0-9_-]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not on an order page: ${page.url()}`);
  return match[1]!;
}

async function query<Row extends object>(sql: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The orders a customer has, as PayOps stored them. */
export async function ordersOf(email: string): Promise<{ id: string; public_token: string; status: string }[]> {
  return query(
    `SELECT o.id, o.public_token, o.status FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = $1`,
    [email],
  );
}

/** Every PaymentIntent the sandbox holds for an order, found by metadata.order_id. */
export async function sandboxPaymentIntentsFor(orderId: string): Promise<Stripe.PaymentIntent[]> {
  const url = new URL(SANDBOX_URL);
  const stripe = new Stripe("sk_test_payops_sandbox", {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol === "https:" ? "https" : "http",
  });
  const all = await stripe.paymentIntents.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  return all.filter((intent) => intent.metadata.order_id === orderId);
}

/**
 * Tells the run's sandbox that something a spec made is done now: `payment_intents/<id>` (a
 * delayed SEPA debit succeeds) or `refunds/<id>` (a pending refund succeeds). Only that object
 * changes, so specs running beside it are untouched.
 */
export async function settleInSandbox(object: string): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/${object}/settle`, {
    method: "POST",
    headers: sandboxControlHeaders(),
  });
  if (!response.ok) throw new Error(`The sandbox could not settle ${object}: ${await response.text()}`);
}
