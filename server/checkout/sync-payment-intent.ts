import type Stripe from "stripe";
import { logger } from "../observability/logger";
import { describePaymentError } from "./describe-payment-error";

export type ApplyPaymentIntent = (
  paymentIntent: Stripe.PaymentIntent,
  cause: { kind: "return_page" },
) => Promise<unknown>;

export type SyncedPaymentIntent = {
  paymentIntentId: string;
  status: Stripe.PaymentIntent.Status;
  /** Why the last attempt failed, in words for the customer; null when it did not fail. */
  problem: string | null;
};

/** How often one order may ask Stripe while the customer watches it. */
export const WATCH_SYNC_INTERVAL_MS = 3_000;
/** Right after the browser confirmed, the customer waits for the answer: ask sooner, never in a burst. */
export const CONFIRM_SYNC_INTERVAL_MS = 500;

const recent = new Map<string, { at: number; synced: SyncedPaymentIntent }>();

/**
 * Covers the redirect race: the customer is back from Stripe before the webhook. Reads the
 * PaymentIntent from Stripe and applies it through the webhook's own code path, at most once per
 * interval per order on this instance (a repeat inside it gets the last answer). Applying is
 * idempotent, so the webhook arriving later, or another instance doing the same, changes nothing.
 */
export async function syncPaymentIntent(
  deps: { stripe: Stripe; applyPaymentIntent: ApplyPaymentIntent; now?: () => number },
  orderId: string,
  paymentIntentId: string,
  minIntervalMs: number,
): Promise<SyncedPaymentIntent> {
  const now = deps.now?.() ?? Date.now();
  const cached = recent.get(orderId);
  if (cached && cached.synced.paymentIntentId === paymentIntentId && now - cached.at < minIntervalMs) {
    return cached.synced;
  }
  // Expanded as the webhook path reads it: the card used (for the receipt) and the captured charge.
  const intent = await deps.stripe.paymentIntents.retrieve(paymentIntentId, {
    expand: ["latest_charge.balance_transaction"],
  });
  if (intent.metadata?.order_id !== orderId) {
    // Never let one order's page apply another order's payment.
    throw new Error(`PaymentIntent ${paymentIntentId} does not belong to order ${orderId}`);
  }
  await deps.applyPaymentIntent(intent, { kind: "return_page" });
  const synced: SyncedPaymentIntent = {
    paymentIntentId,
    status: intent.status,
    problem: intent.status === "requires_payment_method" ? describePaymentError(intent.last_payment_error) : null,
  };
  remember(orderId, now, synced);
  logger.debug({ orderId, paymentIntentId, status: intent.status }, "return page synced a PaymentIntent");
  return synced;
}

function remember(orderId: string, at: number, synced: SyncedPaymentIntent): void {
  if (recent.size > 5_000) {
    for (const [key, entry] of recent) if (at - entry.at > 60_000) recent.delete(key);
  }
  recent.set(orderId, { at, synced });
}
