import type Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import { enqueueRefundNoticeMail } from "../customer-mail/enqueue-customer-mail";
import type { Tx } from "../db/client";
import type { Refund } from "../db/generated/client";
import { postRefundCreated } from "../ledger/post-refund-created";
import { postRefundFailed } from "../ledger/post-refund-failed";
import { idOf } from "../stripe/expandable";
import { isRefundStatus, mayMoveRefundStatus, reasonCodeFromStripe } from "./refund-status";

export type RefundSyncSource = { kind: "api" } | { kind: "webhook"; stripeEventId: string };

export type RefundSyncResult =
  | { kind: "synced"; refund: Refund; previousStatus: string; changed: boolean }
  | { kind: "unknown_payment"; stripeRefundId: string };

/**
 * Brings our refund row in line with Stripe's refund, inside the caller's transaction: finds it by
 * Stripe id or by the `refund_id` we put in its metadata, or records a refund made in the Stripe
 * Dashboard; moves the status only forwards; posts the ledger entries its balance transactions imply.
 */
export async function syncRefundFromStripe(
  tx: Tx,
  stripeRefund: Stripe.Refund,
  source: RefundSyncSource,
): Promise<RefundSyncResult> {
  const found = await findOrCreateRefund(tx, stripeRefund);
  if (!found) return { kind: "unknown_payment", stripeRefundId: stripeRefund.id };
  const [locked] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status" FROM "refunds" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
  const previousStatus = locked!.status;
  const next = stripeRefund.status ?? "pending";
  const moves = isRefundStatus(previousStatus) && isRefundStatus(next) && mayMoveRefundStatus(previousStatus, next);
  const refund = await tx.refund.update({
    where: { id: found.id },
    data: {
      stripeRefundId: stripeRefund.id,
      ...(moves ? { status: next, lastIssueError: null } : {}),
      ...(moves && next === "failed" ? { failureReason: stripeRefund.failure_reason ?? "unknown" } : {}),
    },
  });
  await postLedger(tx, stripeRefund, refund, source);
  // The customer hears once the money is on its way back, not while it may still fail.
  if (moves && next === "succeeded") await enqueueRefundNoticeMail(tx, refund.id);
  return { kind: "synced", refund, previousStatus, changed: moves };
}

async function findOrCreateRefund(tx: Tx, stripeRefund: Stripe.Refund): Promise<{ id: string } | null> {
  const byStripeId = await tx.refund.findUnique({ where: { stripeRefundId: stripeRefund.id }, select: { id: true } });
  if (byStripeId) return byStripeId;
  const ourId = stripeRefund.metadata?.refund_id;
  if (ourId && /^[0-9a-f-]{36}$/i.test(ourId)) {
    const byMetadata = await tx.refund.findFirst({ where: { id: ourId, stripeRefundId: null }, select: { id: true } });
    if (byMetadata) return byMetadata;
  }
  return recordDashboardRefund(tx, stripeRefund);
}

/** A refund nobody asked for in PayOps was made in the Stripe Dashboard: record and attribute it. */
async function recordDashboardRefund(tx: Tx, stripeRefund: Stripe.Refund): Promise<{ id: string } | null> {
  const paymentIntentId = idOf(stripeRefund.payment_intent);
  if (!paymentIntentId) return null;
  const payment = await tx.payment.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true, orderId: true },
  });
  if (!payment) return null;
  // Two events for one new refund may race here; the unique Stripe id lets exactly one insert win.
  const inserted = await tx.refund.createManyAndReturn({
    data: {
      orderId: payment.orderId,
      paymentId: payment.id,
      status: "pending",
      currency: stripeRefund.currency.toUpperCase(),
      amountMinor: stripeRefund.amount,
      reasonCode: reasonCodeFromStripe(stripeRefund.reason),
      note: stripeRefund.description ?? null,
      source: "stripe_dashboard",
      stripeRefundId: stripeRefund.id,
    },
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted[0]) {
    await recordAudit(tx, {
      actor: { kind: "stripe_dashboard" },
      action: "refund.requested",
      subject: { type: "refund", id: inserted[0].id },
      amount: { minor: stripeRefund.amount, currency: stripeRefund.currency },
      reason: `Made in the Stripe Dashboard (${stripeRefund.reason ?? "no reason given"})`,
      after: { stripeRefundId: stripeRefund.id, status: stripeRefund.status, orderId: payment.orderId },
    });
    return inserted[0];
  }
  return tx.refund.findUnique({ where: { stripeRefundId: stripeRefund.id }, select: { id: true } });
}

async function postLedger(tx: Tx, stripeRefund: Stripe.Refund, refund: Refund, source: RefundSyncSource) {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: refund.paymentId },
    select: { stripePaymentIntentId: true },
  });
  const common = {
    orderId: refund.orderId,
    paymentIntentId: payment.stripePaymentIntentId,
    stripeEventId: source.kind === "webhook" ? source.stripeEventId : null,
  };
  const created = stripeRefund.balance_transaction;
  if (created && typeof created === "object" && stripeRefund.status !== "canceled") {
    await postRefundCreated(tx, { ...common, balanceTransaction: created });
  }
  const failed = stripeRefund.failure_balance_transaction;
  if (failed && typeof failed === "object") await postRefundFailed(tx, { ...common, balanceTransaction: failed });
}
