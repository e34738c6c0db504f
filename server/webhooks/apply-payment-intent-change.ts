import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { decideAuthorisedPayment } from "../fraud/post-authorisation/decide-authorised-payment";
import { applyPaymentIntentInTransaction } from "../orders/apply-payment-intent";
import { retrievePaymentIntent } from "./retrieve-payment-intent";
import type { PreparedChange } from "./stripe-event-handler";

/**
 * Re-fetches the PaymentIntent and applies its current state: the event only says something
 * changed, and may be old, duplicated or out of order by the time it is processed.
 */
export async function preparePaymentIntentChange(
  prisma: PrismaClient,
  stripe: Stripe,
  paymentIntentId: string,
): Promise<PreparedChange> {
  if (await isSettled(prisma, paymentIntentId)) return async () => "stale";
  const paymentIntent = await retrievePaymentIntent(stripe, paymentIntentId);
  const observedAt = Date.now();
  return async (tx, cause) => {
    const result = await applyPaymentIntentInTransaction(tx, paymentIntent, cause, observedAt);
    // An authorised, uncaptured payment is captured, released or held for review here, with the order locked.
    const held = await decideAuthorisedPayment(tx, prisma, paymentIntent);
    return result.applied || held === "captured" || held === "released" || held === "held_for_review"
      ? "applied"
      : "stale";
  };
}

/**
 * Succeeded and canceled are final for a PaymentIntent: once the Payment row says so (and a
 * success is in the ledger), no later event about it can change anything, so Stripe is not asked again.
 */
async function isSettled(prisma: PrismaClient, paymentIntentId: string): Promise<boolean> {
  const payment = await prisma.payment.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { status: true },
  });
  if (payment?.status === "canceled") return true;
  if (payment?.status !== "succeeded") return false;
  const posted = await prisma.ledgerTransaction.findFirst({
    where: { stripePaymentIntentId: paymentIntentId, kind: "payment_captured" },
    select: { id: true },
  });
  return posted !== null;
}
