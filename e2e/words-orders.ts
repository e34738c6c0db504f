import { randomUUID } from "node:crypto";
import type { ShopCurrency } from "../server/catalogue/shop-currencies";
import { type ApiShipping, payThroughApi, sql } from "./api-checkout-helpers";
import { expect, type Page } from "./fixtures";

export type ApiOrder = { email: string; orderId: string; publicToken: string; createdAt: Date };

/**
 * An order paid through the shop's public API and a Stripe test payment method, returned once
 * PayOps has it paid (or disputed, for the dispute test cards).
 */
export async function paidOrderThroughApi(options: {
  slug: string;
  currency: ShopCurrency;
  label: string;
  paymentMethod?: string;
  shipping?: ApiShipping;
}): Promise<ApiOrder> {
  const { email, declined } = await payThroughApi({ paymentMethod: "pm_card_visa", ...options });
  expect(declined).toBe(false);
  const orderOf = async () =>
    (
      await sql<{ id: string; public_token: string; status: string; created_at: Date }>(
        "SELECT o.id, o.public_token, o.status, o.created_at FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = $1",
        [email],
      )
    )[0];
  const wanted = options.paymentMethod?.includes("Dispute") ? "disputed" : "paid";
  await expect.poll(async () => (await orderOf())?.status, { timeout: 30_000 }).toBe(wanted);
  const order = (await orderOf())!;
  return { email, orderId: order.id, publicToken: order.public_token, createdAt: order.created_at };
}

/** Asks for a refund as the signed-in member, through the same procedure the refund form calls. */
export async function requestRefund(page: Page, orderId: string, amountMinor: number, reasonCode: string) {
  const response = await page.request.post("/api/trpc/refunds.request", {
    data: { json: { orderId, amountMinor, reasonCode, idempotencyKey: `words-${randomUUID()}` } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A refund of the order as Stripe settled it: waits until PayOps has it succeeded. */
export async function waitForRefundSucceeded(orderId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await sql<{ status: string }>("SELECT status FROM refunds WHERE order_id = $1", [orderId])).map(
          (refund) => refund.status,
        ),
      { timeout: 30_000 },
    )
    .toEqual(["succeeded"]);
}
