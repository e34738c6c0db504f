import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import type { JobContext } from "../jobs/job-definition";
import { performEffect } from "../jobs/outbox/perform-effect";
import type { OrderState } from "./order-states";
import {
  enqueuePaymentIntentCancel,
  heldPaymentIdempotencyKey,
  PAYMENT_INTENT_EFFECTS,
} from "./payment-intent-effects";

/** Orders no money has reached yet: the customer may still pay, or never will. */
export const UNPAID_ORDER_STATES: readonly OrderState[] = ["pending_payment", "requires_action", "payment_failed"];

/** PaymentIntent statuses Stripe can still cancel. */
const OPEN_PAYMENT_STATUSES = ["requires_payment_method", "requires_confirmation", "requires_action"];

export type OrderCancelActor = { kind: "staff"; staffUserId: string } | { kind: "system" };

/**
 * Cancels an unpaid order: in one transaction the order row is locked and re-read, the cancel of
 * each PaymentIntent that can still be paid is written to the outbox (keyed per PaymentIntent, so
 * a second request or a racing sweep adds nothing) and the audit row is appended. The order turns
 * canceled when Stripe confirms, through the same path as its webhook. An order that was paid in
 * the meantime is refused and nothing is written.
 */
export async function requestOrderCancel(
  prisma: PrismaClient,
  input: { orderId: string; actor: OrderCancelActor; reason: string },
): Promise<{ effectIds: string[]; alreadyRequested: boolean }> {
  return runTransaction(prisma, async (tx) => {
    const [order] = await tx.$queryRaw<{ status: string; total_minor: number; currency: string }[]>`
      SELECT status, total_minor, currency FROM orders WHERE id = ${input.orderId}::uuid FOR UPDATE`;
    if (!order) throw new AppError("NOT_FOUND", "No such order");
    if (!(UNPAID_ORDER_STATES as readonly string[]).includes(order.status)) {
      throw new AppError("CONFLICT", "Only an order that is not paid can be canceled");
    }
    const payments = await tx.payment.findMany({
      where: { orderId: input.orderId, status: { in: OPEN_PAYMENT_STATUSES } },
      select: { stripePaymentIntentId: true },
    });
    const keys = payments.map((payment) => heldPaymentIdempotencyKey("cancel", payment.stripePaymentIntentId));
    const requested = await tx.outboxEffect.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true } });
    // Asked before and still waiting for Stripe: no second audit row, the same effects.
    if (keys.length > 0 && requested.length === keys.length) {
      return { effectIds: requested.map((effect) => effect.id), alreadyRequested: true };
    }
    const effectIds: string[] = [];
    for (const payment of payments) {
      effectIds.push(
        await enqueuePaymentIntentCancel(tx, { paymentIntentId: payment.stripePaymentIntentId, reason: "abandoned" }),
      );
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: "order.canceled",
      subject: { type: "order", id: input.orderId },
      amount: { minor: order.total_minor, currency: order.currency.trim() },
      reason: input.reason,
      before: { status: order.status },
      after: { status: "canceled", paymentIntentsCanceled: payments.length },
    });
    return { effectIds, alreadyRequested: false };
  });
}

/** A staff member's cancel: written and audited first, then sent to Stripe at once for a quick answer. */
export async function cancelOrderByStaff(
  context: JobContext,
  input: { orderId: string; staffUserId: string; reason: string },
): Promise<{ requested: boolean }> {
  const { effectIds, alreadyRequested } = await requestOrderCancel(context.prisma, {
    orderId: input.orderId,
    actor: { kind: "staff", staffUserId: input.staffUserId },
    reason: input.reason,
  });
  for (const effectId of effectIds) await performEffect(effectId, PAYMENT_INTENT_EFFECTS, context, { force: true });
  return { requested: !alreadyRequested };
}
