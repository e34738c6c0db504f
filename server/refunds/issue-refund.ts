import Stripe from "stripe";
import type { Refund } from "@/server/db/generated/client";
import { runTransaction } from "@/server/db/run-transaction";
import { logger } from "@/server/observability/logger";
import { metrics } from "@/server/observability/metrics";
import { lockRefund } from "./lock-refund";
import { REFUND_TX_OPTIONS, type RefundDeps } from "./refund-deps";
import { type RefundReasonCode, stripeRefundReason } from "./refund-status";
import { retrieveRefundForSync } from "./retrieve-refund-for-sync";
import { syncRefundFromStripe } from "./sync-refund-from-stripe";

/**
 * Sends an approved refund to Stripe. The Stripe idempotency key is derived from our refund id, so
 * however often this runs (a retry, two workers, a crash between Stripe's answer and our commit)
 * Stripe makes the refund once. A refund Stripe refuses outright is marked failed, which frees its
 * amount; a network or server error leaves it `issuing`, to be retried.
 */
export async function issueRefund(refundId: string, deps: RefundDeps): Promise<Refund> {
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
  if (!claimed) return deps.prisma.refund.findUniqueOrThrow({ where: { id: refundId } });

  let created: Stripe.Refund;
  try {
    created = await deps.stripe.refunds.create(
      {
        payment_intent: claimed.payment.stripePaymentIntentId,
        amount: claimed.amountMinor,
        reason: stripeRefundReason(claimed.reasonCode as RefundReasonCode),
        metadata: { refund_id: claimed.id, order_id: claimed.orderId },
      },
      { idempotencyKey: `refund:${claimed.id}` },
    );
  } catch (error) {
    return recordIssueError(refundId, error, deps);
  }
  metrics().refundsIssued.inc({
    outcome: created.status === "succeeded" ? "succeeded" : created.status === "failed" ? "refused" : "pending",
  });
  // The create response carries balance transaction ids only; the ledger needs the objects.
  const refund = await retrieveRefundForSync(deps.stripe, created.id).catch(() => created);
  await runTransaction(
    deps.prisma,
    async (tx) => {
      await lockRefund(tx, refundId);
      return syncRefundFromStripe(tx, refund, { kind: "api" });
    },
    REFUND_TX_OPTIONS,
  );
  return deps.prisma.refund.findUniqueOrThrow({ where: { id: refundId } });
}

async function recordIssueError(refundId: string, error: unknown, deps: RefundDeps): Promise<Refund> {
  const message = error instanceof Error ? error.message : String(error);
  // A 400 is Stripe's final word (already refunded, charge disputed…): the same key replays it forever.
  const refused = error instanceof Stripe.errors.StripeInvalidRequestError && error.type !== "StripeIdempotencyError";
  logger.warn({ refundId, err: error, refused }, "refund could not be issued to Stripe");
  metrics().refundsIssued.inc({ outcome: refused ? "refused" : "error" });
  return runTransaction(
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
}
