import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { decideAuthorisedPayment } from "../fraud/post-authorisation/decide-authorised-payment";
import { applyPaymentIntentInTransaction } from "../orders/apply-payment-intent";
import { retrievePaymentIntent } from "./retrieve-payment-intent";
import { nothingToChange, type PreparedChange } from "./stripe-event-handler";

/**
 * Re-fetches the PaymentIntent and applies its current state: the event only says something
 * changed, and may be old, duplicated or out of order by the time it is processed.
 */
export async function preparePaymentIntentChange(
  prisma: PrismaClient,
  stripe: Stripe,
  paymentIntentId: string,
  options: { knownUnsettled?: boolean } = {},
): Promise<PreparedChange> {
  if (!options.knownUnsettled && (await isSettled(prisma, paymentIntentId))) return nothingToChange("stale");
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
  // One round trip: the payment's status and whether its capture is posted.
  const [settled] = await prisma.$queryRaw<{ settled: boolean }[]>`
    SELECT p.status = 'canceled' OR (p.status = 'succeeded' AND EXISTS (
             SELECT 1 FROM ledger_transactions t
              WHERE t.stripe_payment_intent_id = p.stripe_payment_intent_id AND t.kind = 'payment_captured')) AS settled
      FROM payments p WHERE p.stripe_payment_intent_id = ${paymentIntentId}`;
  return settled?.settled === true;
}
