import { randomUUID } from "node:crypto";
import pg from "pg";
import Stripe from "stripe";
import type { ShopCurrency } from "../server/catalogue/shop-currencies";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_SANDBOX_URL } from "./e2e-env";

const sandboxUrl = new URL(E2E_SANDBOX_URL);
export const sandboxStripe = new Stripe("sk_test_payops_sandbox", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

export async function sql<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export type ApiPayment = { email: string; paymentIntentId: string; declined: boolean };

export type ApiShipping = { name: string; line1: string; city: string; postalCode: string; country: string };

const LONDON: ApiShipping = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

/** Starts a checkout through the app's public API, as the checkout page does: an order waiting for a card. */
export async function startCheckoutThroughApi(options: {
  slug: string;
  currency: ShopCurrency;
  label: string;
  shipping?: ApiShipping;
}): Promise<{ email: string; paymentIntentId: string }> {
  const [product] = await sql<{ id: string }>("SELECT id FROM products WHERE slug = $1", [options.slug]);
  if (!product) throw new Error(`No product ${options.slug}`);
  const email = `${options.label}-${randomUUID().slice(0, 8)}@example.com`;
  const response = await fetch(`${E2E_BASE_URL}/api/trpc/checkout.start`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      json: {
        checkoutKey: `${options.label}-${randomUUID()}`,
        email,
        shipping: options.shipping ?? LONDON,
        cart: { currency: options.currency, lines: [{ productId: product.id, quantity: 1 }] },
      },
    }),
  });
  if (response.status !== 200) throw new Error(`checkout.start answered ${response.status}: ${await response.text()}`);
  const { result } = (await response.json()) as { result: { data: { json: { paymentIntentId: string } } } };
  return { email, paymentIntentId: result.data.json.paymentIntentId };
}

/**
 * Starts a checkout through the app's public API and confirms its PaymentIntent in the sandbox
 * with a Stripe test payment method (`pm_card_visa`, `pm_card_chargeDeclined`, …). A decline is
 * an answer, not an error.
 */
export async function payThroughApi(options: {
  slug: string;
  currency: ShopCurrency;
  paymentMethod: string;
  label: string;
  shipping?: ApiShipping;
}): Promise<ApiPayment> {
  const { email, paymentIntentId } = await startCheckoutThroughApi(options);
  try {
    await sandboxStripe.paymentIntents.confirm(paymentIntentId, {
      payment_method: options.paymentMethod,
      return_url: `${E2E_BASE_URL}/`,
    });
    return { email, paymentIntentId, declined: false };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) return { email, paymentIntentId, declined: true };
    throw error;
  }
}
