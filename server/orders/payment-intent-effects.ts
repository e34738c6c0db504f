import type Stripe from "stripe";
import type { Tx } from "../db/client";
import type { JobContext } from "../jobs/job-definition";
import { enqueueEffect } from "../jobs/outbox/enqueue-effect";
import type { EffectOutcome, EffectPerformers, OutboxEffectRow } from "../jobs/outbox/outbox-effect";
import { isStripeRefusal } from "../stripe/stripe-error-kind";
import { applyPaymentIntentToOrder } from "./apply-payment-intent";

type HeldPaymentAction = "capture" | "cancel";

/** The Stripe idempotency key of capturing or cancelling one PaymentIntent: it is done at most once. */
export function heldPaymentIdempotencyKey(action: HeldPaymentAction, paymentIntentId: string): string {
  return `payment_intent.${action}:${paymentIntentId}`;
}

/**
 * Writes the outbox effect that captures a held (manual-capture) PaymentIntent, in the caller's
 * transaction, so the capture happens even if the process dies right after commit.
 * `amountMinor` captures less than the authorisation; omitted, Stripe captures all of it.
 */
export function enqueuePaymentIntentCapture(
  tx: Tx,
  input: { paymentIntentId: string; amountMinor?: number },
): Promise<string> {
  return enqueueEffect(tx, {
    kind: "stripe.payment_intent.capture",
    subjectId: input.paymentIntentId,
    idempotencyKey: heldPaymentIdempotencyKey("capture", input.paymentIntentId),
    payload: input.amountMinor === undefined ? {} : { amountMinor: input.amountMinor },
  });
}

/** Writes the outbox effect that cancels a PaymentIntent (releases a hold), in the caller's transaction. */
export function enqueuePaymentIntentCancel(
  tx: Tx,
  input: { paymentIntentId: string; reason?: Stripe.PaymentIntentCancelParams.CancellationReason },
): Promise<string> {
  return enqueueEffect(tx, {
    kind: "stripe.payment_intent.cancel",
    subjectId: input.paymentIntentId,
    idempotencyKey: heldPaymentIdempotencyKey("cancel", input.paymentIntentId),
    payload: input.reason ? { reason: input.reason } : {},
  });
}

/** Statuses Stripe can still cancel from; `succeeded` and `canceled` are final. */
const CANCELLABLE = new Set<string>([
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "requires_capture",
  "processing",
]);

/**
 * Captures or cancels at Stripe, safe to repeat: the PaymentIntent is read first, and one that is
 * already captured (`succeeded`) or `canceled` is the effect done, whoever did it. Stripe's own
 * refusal (a 400: the hold expired, the amount is too large) is final and recorded as the
 * effect's result; a network error or 5xx is thrown, so the outbox retries with backoff. The
 * order then follows the PaymentIntent through the webhook's own code path.
 */
async function settleHeldPayment(
  action: HeldPaymentAction,
  effect: OutboxEffectRow,
  context: JobContext,
): Promise<EffectOutcome> {
  const paymentIntentId = effect.subjectId;
  const payload = (effect.payload ?? {}) as { amountMinor?: number; reason?: string };
  const before = await context.stripe.paymentIntents.retrieve(paymentIntentId);
  const due = action === "capture" ? before.status === "requires_capture" : CANCELLABLE.has(before.status);
  if (!due && action === "capture" && before.status === "processing") {
    return { kind: "retry", error: `PaymentIntent ${paymentIntentId} is still processing` };
  }
  let note = `${before.status} at Stripe before the ${action}`;
  if (due) {
    try {
      const options = { idempotencyKey: effect.idempotencyKey };
      const after =
        action === "capture"
          ? await context.stripe.paymentIntents.capture(
              paymentIntentId,
              payload.amountMinor === undefined ? {} : { amount_to_capture: payload.amountMinor },
              options,
            )
          : await context.stripe.paymentIntents.cancel(
              paymentIntentId,
              payload.reason
                ? { cancellation_reason: payload.reason as Stripe.PaymentIntentCancelParams.CancellationReason }
                : {},
              options,
            );
      note = `${action === "capture" ? "captured" : "canceled"}: ${after.status}`;
    } catch (error) {
      if (!isStripeRefusal(error)) throw error;
      note = `refused by Stripe: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  // The journal posts the captured charge from its balance transaction, so read it expanded.
  const intent = await context.stripe.paymentIntents.retrieve(paymentIntentId, {
    expand: ["latest_charge.balance_transaction"],
  });
  if (intent.metadata?.order_id) {
    await applyPaymentIntentToOrder(intent, { kind: "outbox", effectId: effect.id }, { prisma: context.prisma });
  }
  return { kind: "done", result: `${note}; now ${intent.status}` };
}

/** The orders room's outside effects, performed from the outbox. */
export const PAYMENT_INTENT_EFFECTS: EffectPerformers = {
  "stripe.payment_intent.capture": (effect, context) => settleHeldPayment("capture", effect, context),
  "stripe.payment_intent.cancel": (effect, context) => settleHeldPayment("cancel", effect, context),
};
