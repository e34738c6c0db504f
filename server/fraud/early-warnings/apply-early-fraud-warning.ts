import type Stripe from "stripe";
import { recordAudit } from "../../audit/record-audit";
import type { Tx } from "../../db/client";
import { requestSystemRefund } from "../../refunds/request-system-refund";
import { amountInUsd, type UsdRateTable } from "../attributes/usd-rates";

export type EarlyWarningPolicy = {
  /** Refund automatically when the payment is worth less than this, in US dollars (millionths). */
  refundBelowUsd: bigint;
  rates: UsdRateTable;
};

export type EarlyWarningOutcome = "refunded" | "queued" | "none" | "already_applied" | "not_ours";

/**
 * The merchant's policy for a card network's early fraud warning, prepared outside the
 * transaction (the warning is re-read from Stripe: the event is trusted for its id only), then
 * applied inside it:
 * - a payment worth less than the threshold is refunded in full, automatically, once: the refund
 *   and its outbox effect commit with the warning's row (a refund costs less than a dispute and
 *   its fee);
 * - a larger one (or in a currency the rate table lacks) joins the review queue, where an
 *   analyst keeps the money or refunds it.
 * The warning's row is unique per Stripe warning, so a redelivered event changes nothing more.
 * Both are audited with a system actor.
 */
export async function prepareEarlyFraudWarning(
  stripe: Stripe,
  warningId: string,
  policy: EarlyWarningPolicy,
): Promise<(tx: Tx) => Promise<EarlyWarningOutcome>> {
  const warning = await stripe.radar.earlyFraudWarnings.retrieve(warningId);
  const paymentIntentId =
    typeof warning.payment_intent === "string" ? warning.payment_intent : warning.payment_intent?.id;
  const chargeId = typeof warning.charge === "string" ? warning.charge : warning.charge.id;
  return async (tx) => {
    const payment = paymentIntentId
      ? await tx.payment.findUnique({
          where: { stripePaymentIntentId: paymentIntentId },
          select: { orderId: true, currency: true, amountCapturedMinor: true, amountMinor: true },
        })
      : null;
    if (!payment || !paymentIntentId) return "not_ours";
    await tx.$queryRaw`SELECT 1 FROM orders WHERE id = ${payment.orderId}::uuid FOR UPDATE`;
    const seen = await tx.fraudEarlyWarning.findUnique({
      where: { stripeWarningId: warning.id },
      select: { id: true },
    });
    if (seen) return "already_applied";

    const amountMinor = payment.amountCapturedMinor || payment.amountMinor;
    const usd = amountInUsd(amountMinor, payment.currency, policy.rates);
    const refundNow = warning.actionable && usd !== null && usd < policy.refundBelowUsd;
    const why = `Early fraud warning from the card network (${warning.fraud_type.replaceAll("_", " ")})`;

    let policyAction: "refunded" | "queued" | "none" = warning.actionable ? "queued" : "none";
    let refundId: string | null = null;
    if (refundNow) {
      const refund = await requestSystemRefund(tx, {
        orderId: payment.orderId,
        reasonCode: "fraudulent",
        reason: why,
        idempotencyKey: `early-fraud-warning:${warning.id}`,
      });
      if (refund.kind === "requested" || refund.kind === "already_requested") {
        policyAction = "refunded";
        refundId = refund.refundId;
      } else {
        // Disputed already, or nothing left to refund: a person looks at it.
        policyAction = "queued";
      }
    }
    await tx.fraudEarlyWarning.create({
      data: {
        stripeWarningId: warning.id,
        orderId: payment.orderId,
        stripeChargeId: chargeId,
        paymentIntentId,
        fraudType: warning.fraud_type,
        actionable: warning.actionable,
        policyAction,
        amountMinor,
        currency: payment.currency,
        refundId,
        stripeCreatedAt: new Date(warning.created * 1000),
      },
    });
    if (policyAction === "queued") {
      await tx.fraudReview.createMany({
        data: {
          orderId: payment.orderId,
          paymentIntentId,
          source: "early_fraud_warning",
          reasons: [why],
          amountMinor,
          currency: payment.currency,
          authorisedAt: new Date(warning.created * 1000),
        },
        skipDuplicates: true,
      });
    }
    await recordAudit(tx, {
      actor: { kind: "system" },
      action: "fraud.early_warning_applied",
      subject: { type: "order", id: payment.orderId },
      amount: { minor: amountMinor, currency: payment.currency },
      reason: why,
      after: { warning: warning.id, policyAction, refundId },
    });
    return policyAction;
  };
}
