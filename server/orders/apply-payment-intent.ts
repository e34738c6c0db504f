import type Stripe from "stripe";
import { enqueueOrderConfirmationMail, enqueuePaymentFailedMail } from "../customer-mail/enqueue-customer-mail";
import { db, type PrismaClient, type Tx } from "../db/client";
import { AppError } from "../errors";
import { recordPaymentResult } from "../observability/record-payment-result";
import { idOf } from "../stripe/expandable";
import { applyOrderInput, lockOrder, type OrderInputResult } from "./apply-order-input";
import { inputFromPaymentIntent } from "./derive-order-input";
import { derivePaymentOutcome } from "./derive-payment-outcome";
import type { OrderChangeCause } from "./order-cause";
import { postCapturedCharge } from "./post-captured-charge";

export type AppliedPaymentIntent = { orderId: string; from: string; to: string; applied: boolean };

export type ApplyOptions = {
  prisma?: PrismaClient;
  /** When Stripe's view was observed (ms); defaults to now, right for a freshly retrieved object. */
  observedAt?: number;
};

/**
 * The one code path that moves an order from a PaymentIntent: used by webhooks, the return page
 * and the sweeper. Idempotent: applying the same PaymentIntent twice changes nothing the second time.
 */
export async function applyPaymentIntentToOrder(
  paymentIntent: Stripe.PaymentIntent,
  cause: OrderChangeCause,
  options: ApplyOptions = {},
): Promise<AppliedPaymentIntent> {
  const prisma = options.prisma ?? db();
  const observedAt = options.observedAt ?? Date.now();
  const result = await prisma.$transaction((tx) =>
    applyPaymentIntentInTransaction(tx, paymentIntent, cause, observedAt),
  );
  return { orderId: result.orderId, from: result.from, to: result.to, applied: result.applied };
}

/** The same, inside a caller's transaction (webhook processing marks its event in the same one). */
export async function applyPaymentIntentInTransaction(
  tx: Tx,
  paymentIntent: Stripe.PaymentIntent,
  cause: OrderChangeCause,
  observedAt: number,
): Promise<OrderInputResult> {
  const orderId = paymentIntent.metadata?.order_id;
  if (!orderId) throw new AppError("UNPROCESSABLE", `PaymentIntent ${paymentIntent.id} has no metadata.order_id`);
  const order = await lockOrder(tx, orderId);
  const payment = await upsertPayment(tx, order.id, paymentIntent, observedAt, order.stripe_observed_at);

  // An order paid with a later PaymentIntent is not moved by an earlier, abandoned one.
  const newer = await tx.payment.findFirst({
    where: { orderId: order.id, createdAt: { gt: payment.createdAt } },
    select: { id: true },
  });
  if (newer) return { orderId: order.id, from: order.status, to: order.status, applied: false, decision: "noop" };

  const result = await applyOrderInput(tx, order, inputFromPaymentIntent(paymentIntent), observedAt, cause);
  await enqueueCustomerMails(tx, order.id, paymentIntent);
  // The journal entry shares the transition's transaction; it needs the charge's balance
  // transaction, so callers that want it posted now retrieve the PaymentIntent with
  // expand: ["latest_charge.balance_transaction"]. Otherwise a later event or sweep posts it.
  if (paymentIntent.status === "succeeded") {
    await postCapturedCharge(tx, paymentIntent.latest_charge, {
      orderId: order.id,
      paymentIntentId: paymentIntent.id,
      stripeEventId: cause.kind === "webhook" || cause.kind === "replay" ? cause.stripeEventId : null,
    });
  }
  return result;
}

/**
 * The customer hears of a paid order and of each declined attempt, in this transaction so the
 * mail exists exactly when the fact commits; the keys make every later sighting of the same
 * PaymentIntent (webhook, return page, sweeper, replay) write nothing new.
 */
async function enqueueCustomerMails(tx: Tx, orderId: string, paymentIntent: Stripe.PaymentIntent): Promise<void> {
  if (paymentIntent.status === "succeeded") {
    await enqueueOrderConfirmationMail(tx, orderId);
    return;
  }
  const error = paymentIntent.last_payment_error;
  if (paymentIntent.status !== "requires_payment_method" || !error) return;
  // Each declined attempt makes its own charge; an attempt refused before any charge has none.
  const attempt =
    idOf(paymentIntent.latest_charge) ?? error.charge ?? `${error.code ?? "error"}:${error.payment_method?.id ?? ""}`;
  // Stripe's decline messages are written for the cardholder ("Your card was declined.").
  const reason = error.type === "card_error" ? (error.message ?? null) : null;
  await enqueuePaymentFailedMail(tx, { orderId, paymentIntentId: paymentIntent.id, attempt, reason });
}

/**
 * What the customer paid with, from the latest charge when the PaymentIntent came with it expanded
 * (the webhook and return-page paths retrieve it so); nothing otherwise, so a bare snapshot never
 * erases what an expanded one recorded.
 */
function cardDetails(paymentIntent: Stripe.PaymentIntent) {
  const charge = paymentIntent.latest_charge;
  const card = charge && typeof charge === "object" ? charge.payment_method_details?.card : null;
  if (!card) return {};
  // Its 3-D Secure result is part of the payment's outcome (derivePaymentOutcome).
  return { cardBrand: card.brand ?? null, cardLast4: card.last4 ?? null };
}

function chargeId(paymentIntent: Stripe.PaymentIntent): string | null {
  return idOf(paymentIntent.latest_charge);
}

async function upsertPayment(
  tx: Tx,
  orderId: string,
  paymentIntent: Stripe.PaymentIntent,
  observedAt: number,
  orderObservedAt: Date | null,
) {
  const mirror = {
    status: paymentIntent.status,
    amountMinor: paymentIntent.amount,
    captureMethod: paymentIntent.capture_method,
    latestChargeId: chargeId(paymentIntent),
    lastPaymentError: paymentIntent.last_payment_error?.message ?? null,
    ...cardDetails(paymentIntent),
  };
  const existing = await tx.payment.findUnique({
    where: { stripePaymentIntentId: paymentIntent.id },
    select: {
      id: true,
      createdAt: true,
      amountCapturedMinor: true,
      status: true,
      lastPaymentError: true,
      authorisedAt: true,
      threeDSecure: true,
    },
  });
  recordPaymentResult(existing, paymentIntent);
  const outcome = derivePaymentOutcome(paymentIntent, existing, new Date(observedAt));
  if (!existing) {
    return tx.payment.create({
      data: {
        orderId,
        stripePaymentIntentId: paymentIntent.id,
        currency: paymentIntent.currency.toUpperCase(),
        amountCapturedMinor: paymentIntent.amount_received,
        ...mirror,
        ...outcome,
      },
      select: { id: true, createdAt: true },
    });
  }
  // A stale snapshot must not overwrite a newer one; captured money only ever grows.
  const isStale = orderObservedAt !== null && observedAt < orderObservedAt.getTime();
  return tx.payment.update({
    where: { id: existing.id },
    data: {
      ...(isStale ? {} : mirror),
      // What was learnt about the attempts holds even from an older snapshot (first authorisation, 3-D Secure).
      ...(isStale ? { ...outcome, declineCode: undefined } : outcome),
      amountCapturedMinor: Math.max(existing.amountCapturedMinor, paymentIntent.amount_received),
    },
    select: { id: true, createdAt: true },
  });
}
