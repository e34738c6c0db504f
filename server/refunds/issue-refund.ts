import type { Tx } from "../db/client";
import type { Refund } from "../db/generated/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { enqueueEffect, makeEffectDue } from "../jobs/outbox/enqueue-effect";
import { performEffect } from "../jobs/outbox/perform-effect";
import type { RefundDeps } from "./refund-deps";
import { REFUND_EFFECTS } from "./refund-effects";
import { refundIdempotencyKey } from "./send-refund-to-stripe";

/** How long a client should wait before asking again when Stripe could not be reached. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Writes the outbox effect that sends an `issuing` refund to Stripe, in the caller's transaction
 * (the one that made it `issuing`), so the refund reaches Stripe even if the process dies next.
 */
export function enqueueRefundIssue(tx: Tx, refundId: string): Promise<string> {
  return enqueueEffect(tx, {
    kind: "stripe.refund.create",
    subjectId: refundId,
    idempotencyKey: refundIdempotencyKey(refundId),
  });
}

/**
 * Sends the refund to Stripe now, for a fast answer ("send again", or right after the request):
 * performs its outbox effect at once. When Stripe cannot be reached the answer is 503 with a
 * reason and a retry hint, and the effect stays due, so the dispatcher sends it later.
 */
export async function issueRefund(refundId: string, deps: RefundDeps): Promise<Refund> {
  const effectId = await runTransaction(deps.prisma, async (tx) => {
    const refund = await tx.refund.findUnique({ where: { id: refundId }, select: { status: true } });
    if (!refund) throw new AppError("NOT_FOUND", "No such refund");
    if (refund.status !== "issuing") return null;
    return (await makeEffectDue(tx, refundIdempotencyKey(refundId))) ?? enqueueRefundIssue(tx, refundId);
  });
  if (!effectId) return deps.prisma.refund.findUniqueOrThrow({ where: { id: refundId } });
  return performRefundIssue(effectId, refundId, deps);
}

export async function performRefundIssue(effectId: string, refundId: string, deps: RefundDeps): Promise<Refund> {
  const result = await performEffect(effectId, REFUND_EFFECTS, deps, { force: true });
  const refund = await deps.prisma.refund.findUniqueOrThrow({ where: { id: refundId } });
  if (refund.status === "issuing" && (result.status === "pending" || result.status === "dead")) {
    throw new AppError(
      "UPSTREAM_UNAVAILABLE",
      "Stripe could not be reached. The refund is saved and PayOps will send it again automatically.",
      { refundId, retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  return refund;
}
