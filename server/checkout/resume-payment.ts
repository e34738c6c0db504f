import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { type OpenPaymentIntent, openPaymentIntent } from "./open-payment-intent";
import { isPayableStatus } from "./order-status";
import { looksLikePublicToken } from "./public-token";

/**
 * "Try again" on an order whose payment failed: the same order, and the same PaymentIntent while
 * Stripe still accepts another payment method on it (a new attempt only once it is canceled).
 */
export async function resumePayment(
  deps: { prisma: PrismaClient; stripe: Stripe },
  token: string,
): Promise<OpenPaymentIntent> {
  const order = looksLikePublicToken(token)
    ? await deps.prisma.order.findUnique({ where: { publicToken: token }, select: { id: true, status: true } })
    : null;
  if (!order) throw new AppError("NOT_FOUND", "We couldn't find that order.");
  if (!isPayableStatus(order.status)) throw new AppError("CONFLICT", "This order can no longer be paid.");
  return openPaymentIntent(deps.prisma, deps.stripe, order.id);
}
