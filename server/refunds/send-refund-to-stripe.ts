import type Stripe from "stripe";
import type { Refund } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { isStripeRefusal } from "../stripe/stripe-error-kind";
import { lockRefund } from "./lock-refund";
import { REFUND_TX_OPTIONS, type RefundDeps } from "./refund-deps";
import { type RefundReasonCode, stripeRefundReason } from "./refund-status";
import { retrieveRefundForSync } from "./retrieve-refund-for-sync";
import { syncRefundFromStripe } from "./sync-refund-from-stripe";

export type IssueOutcome =
  | { kind: "issued" | "refused" | "not_issuing"; refund: Refund }
  | { kind: "unavailable"; refund: Refund; error: string };

type IssueDeps = Pick<RefundDeps, "prisma" | "stripe">;

/** The Stripe idempotency key of our refund: however often it is sent, Stripe refunds once. */
export function refundIdempotencyKey(refundId: string): string {
  return `refund:${refundId}`;
}

/**
 * Sends an `issuing` refund to Stripe, the performer of its outbox effect. A repeat (after a
 * crash, a lost answer, or a day after Stripe forgot the idempotency key) first looks the refund
 * up at Stripe by the refund_id in its metadata, so it is never made twice. A refund Stripe
 * refuses outright is marked failed, which frees its amount; a network or server error leaves it
 * `issuing` with the error, to be sent again.
 */
export async function sendRefundToStripe(refundId: string, deps: IssueDeps): Promise<IssueOutcome> {
  const claimed = await runTransaction(
    deps.prisma,
    async (tx) => {
      if ((await lockRefund(tx, refundId))?.status !== "issuing") return null;
      return tx.refund.update({
        where: { id: refundId },
        data: { issueAttempts: { increment: 1 } },
        include: { payment: { select: { stripePaymentIntentId: true } } },
      });
    },
    REFUND_TX_OPTIONS,
  );
  if (!claimed)
    return { kind: "not_issuing", refund: await deps.prisma.refund.findUniqueOrThrow({ where: { id: refundId } }) };

  let stripeRefund: Stripe.Refund;
  try {
    const earlier =
      claimed.issueAttempts > 1
        ? await findAtStripe(deps.stripe, claimed.payment.stripePaymentIntentId, refundId)
        : null;
    stripeRefund =
      earlier ??
      (await deps.stripe.refunds.create(
        {
          payment_intent: claimed.payment.stripePaymentIntentId,
          amount: claimed.amountMinor,
          reason: stripeRefundReason(claimed.reasonCode as RefundReasonCode),
          metadata: { refund_id: claimed.id, order_id: claimed.orderId },
        },
        { idempotencyKey: refundIdempotencyKey(claimed.id) },
      ));
  } catch (error) {
    return recordIssueError(refundId, error, deps);
  }
  metrics().refundsIssued.inc({
    outcome:
      stripeRefund.status === "succeeded" ? "succeeded" : stripeRefund.status === "failed" ? "refused" : "pending",
  });
  // The create response carries balance transaction ids only; the ledger needs the objects.
  const refund = await retrieveRefundForSync(deps.stripe, stripeRefund.id).catch(() => stripeRefund);
  await runTransaction(
    deps.prisma,
    async (tx) => {
      await lockRefund(tx, refundId);
      return syncRefundFromStripe(tx, refund, { kind: "api" });
    },
    REFUND_TX_OPTIONS,
  );
  return { kind: "issued", refund: await deps.prisma.refund.findUniqueOrThrow({ where: { id: refundId } }) };
}

async function findAtStripe(stripe: Stripe, paymentIntentId: string, refundId: string): Promise<Stripe.Refund | null> {
  for await (const refund of stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })) {
    if (refund.metadata?.refund_id === refundId) return refund;
  }
  return null;
}

async function recordIssueError(refundId: string, error: unknown, deps: IssueDeps): Promise<IssueOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  // A 400 is Stripe's final word (already refunded, charge disputed…): the same key replays it forever.
  const refused = isStripeRefusal(error);
  logger.warn({ refundId, err: error, refused }, "refund could not be issued to Stripe");
  metrics().refundsIssued.inc({ outcome: refused ? "refused" : "error" });
  const refund = await runTransaction(
    deps.prisma,
    async (tx) => {
      if ((await lockRefund(tx, refundId))?.status !== "issuing")
        return tx.refund.findUniqueOrThrow({ where: { id: refundId } });
      return tx.refund.update({
        where: { id: refundId },
        data: refused
          ? { status: "failed", failureReason: `Stripe refused the refund: ${message}`, lastIssueError: message }
          : { lastIssueError: message },
      });
    },
    REFUND_TX_OPTIONS,
  );
  if (refused) return { kind: "refused", refund };
  return refund.status === "issuing"
    ? { kind: "unavailable", refund, error: message }
    : { kind: "not_issuing", refund };
}
