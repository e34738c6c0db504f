import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";

/** The order a PaymentIntent pays for: from its Payment row, else from Stripe's metadata.order_id. */
export async function findOrderIdForPaymentIntent(
  prisma: PrismaClient,
  stripe: Stripe,
  paymentIntentId: string,
): Promise<string> {
  const payment = await prisma.payment.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { orderId: true },
  });
  if (payment) return payment.orderId;
  const paymentIntent = await stripe.paymentIntents.retrieve(paymentIntentId);
  const orderId = paymentIntent.metadata?.order_id;
  if (!orderId) throw new AppError("UNPROCESSABLE", `PaymentIntent ${paymentIntentId} has no metadata.order_id`);
  return orderId;
}
