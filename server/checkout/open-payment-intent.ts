import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { postAuthorisationChecksInForce } from "../fraud/load-rule-set";
import { attributesFromStorage } from "../fraud/post-authorisation/collect-post-authorisation-attributes";
import { lockOrder } from "../orders/apply-order-input";
import { isPayableStatus } from "./order-status";

export type OpenPaymentIntent = {
  paymentIntentId: string;
  clientSecret: string;
  status: Stripe.PaymentIntent.Status;
};

/** Stripe's idempotency key for an order's nth PaymentIntent: a retry of the same attempt gets the same one. */
export function paymentIntentIdempotencyKey(orderId: string, attempt: number): string {
  return `order:${orderId}:pi:${attempt}`;
}

/**
 * The PaymentIntent the customer pays the order with. The latest one is reused unless Stripe has
 * canceled it (a declined or failed 3-D Secure payment leaves it at requires_payment_method, which
 * takes another card); only then is the next attempt made. Two simultaneous calls compute the
 * same attempt number, so Stripe's idempotency key hands both the same PaymentIntent, and the
 * Payment row is written once per PaymentIntent id.
 */
export async function openPaymentIntent(
  prisma: PrismaClient,
  stripe: Stripe,
  orderId: string,
): Promise<OpenPaymentIntent> {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      currency: true,
      totalMinor: true,
      payments: { orderBy: { createdAt: "desc" }, select: { stripePaymentIntentId: true } },
    },
  });
  const latest = order.payments[0];
  if (latest) {
    const intent = await stripe.paymentIntents.retrieve(latest.stripePaymentIntentId);
    if (intent.status !== "canceled") return toOpenPaymentIntent(intent);
  }
  if (!isPayableStatus(order.status)) {
    throw new AppError("CONFLICT", "This order can no longer be paid.", { status: order.status });
  }

  const decision = await prisma.checkoutFraudDecision.findUnique({ where: { orderId }, select: { outcome: true } });
  const prePayment = await prisma.fraudDecision.findFirst({
    where: { orderId, stage: "pre_payment" },
    orderBy: { createdAt: "desc" },
    select: { attributes: true },
  });
  const holdForChecks =
    decision?.outcome === "review" ||
    (await postAuthorisationChecksInForce(
      prisma,
      prePayment ? attributesFromStorage(prePayment.attributes) : undefined,
    ));
  const attempt = order.payments.length + 1;
  const intent = await stripe.paymentIntents.create(
    {
      amount: order.totalMinor,
      currency: order.currency.toLowerCase(),
      metadata: { order_id: order.id },
      automatic_payment_methods: { enabled: true },
      // Only authorised when held for review, or when post-authorisation rules must still look at
      // the charge; those capture at once when the rules pass (server/fraud/README.md, Capture).
      ...(holdForChecks ? { capture_method: "manual" as const } : {}),
      // A Request 3DS rule asks the issuer to authenticate every card that supports it.
      ...(decision?.outcome === "request_3ds"
        ? { payment_method_options: { card: { request_three_d_secure: "any" as const } } }
        : {}),
    },
    { idempotencyKey: paymentIntentIdempotencyKey(order.id, attempt) },
  );
  // ON CONFLICT DO NOTHING: a simultaneous call (or an early webhook) may have written the row already.
  // The order is locked first, as every path to an order's money does (server/refunds/README.md, Lock order), so
  // this insert never deadlocks with the webhook pipeline recording the same payment; a deadlock or
  // serialization failure that still happens is run again.
  await runTransaction(prisma, async (tx) => {
    await lockOrder(tx, order.id);
    await tx.payment.createMany({
      data: {
        orderId: order.id,
        stripePaymentIntentId: intent.id,
        status: intent.status,
        currency: order.currency,
        amountMinor: intent.amount,
        captureMethod: intent.capture_method,
      },
      skipDuplicates: true,
    });
  });
  return toOpenPaymentIntent(intent);
}

function toOpenPaymentIntent(intent: Stripe.PaymentIntent): OpenPaymentIntent {
  if (!intent.client_secret) throw new Error(`PaymentIntent ${intent.id} came back without a client secret`);
  return { paymentIntentId: intent.id, clientSecret: intent.client_secret, status: intent.status };
}
