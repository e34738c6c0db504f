import { randomBytes, randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";

/** An order at pending_payment, as checkout creates it, for tests of what happens next. */
export async function createPendingOrder(
  prisma: PrismaClient,
  amountMinor = 2_500,
  currency = "USD",
): Promise<{ id: string }> {
  const customer = await prisma.customer.create({ data: { email: `${randomUUID()}@example.test` } });
  return prisma.order.create({
    data: {
      publicToken: randomBytes(16).toString("hex"),
      customerId: customer.id,
      status: "pending_payment",
      currency,
      subtotalMinor: amountMinor,
      totalMinor: amountMinor,
    },
    select: { id: true },
  });
}

/** A PaymentIntent as Stripe returns it, with the fields PayOps reads. */
export function paymentIntentFixture(
  orderId: string,
  overrides: Partial<Stripe.PaymentIntent> & { id?: string } = {},
): Stripe.PaymentIntent {
  return {
    id: `pi_${randomBytes(8).toString("hex")}`,
    object: "payment_intent",
    amount: 2_500,
    amount_received: 0,
    amount_capturable: 0,
    currency: "usd",
    capture_method: "automatic_async",
    status: "requires_payment_method",
    latest_charge: null,
    last_payment_error: null,
    metadata: { order_id: orderId },
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    ...overrides,
  } as Stripe.PaymentIntent;
}
