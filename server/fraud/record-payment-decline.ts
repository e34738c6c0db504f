import type Stripe from "stripe";
import type { Tx } from "../db/client";
import { logger } from "../observability/logger";
import { fraudVelocityStore } from "./velocity/fraud-velocity-store";
import type { VelocityStore, VelocitySubject } from "./velocity/velocity-store";

/**
 * Counts a declined or failed payment for the velocity attributes: against the order's email, the
 * IP address its checkout came from (the stored pre-payment decision) and the card's fingerprint
 * when Stripe reports one. Runs in the event's transaction, so with PostgreSQL counters a decline
 * is counted exactly once with its event; a counter store that fails is logged, never fails the event.
 */
export async function recordPaymentDecline(
  tx: Tx,
  intent: Stripe.PaymentIntent,
  at: Date,
  velocity: VelocityStore = fraudVelocityStore(tx),
): Promise<void> {
  const orderId = intent.metadata?.order_id;
  if (!orderId || !intent.last_payment_error) return;
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { customer: { select: { email: true } } },
  });
  if (!order) return;
  const decision = await tx.fraudDecision.findFirst({
    where: { orderId, stage: "pre_payment" },
    orderBy: { createdAt: "desc" },
    select: { attributes: true },
  });
  const ip = (decision?.attributes as Record<string, unknown> | null)?.ip_address;
  const method = intent.last_payment_error.payment_method;
  const fingerprint = method?.card?.fingerprint;
  const subjects: VelocitySubject[] = [{ kind: "email", value: order.customer.email }];
  if (typeof ip === "string" && ip) subjects.push({ kind: "ip_address", value: ip });
  if (fingerprint) subjects.push({ kind: "card_number", value: fingerprint });
  await velocity.record(subjects, "decline", at).catch((error: unknown) => {
    logger.warn({ err: error, orderId }, "fraud velocity decline not recorded");
  });
}
