import type Stripe from "stripe";
import type { PrismaClient, Tx } from "../../db/client";
import { enqueuePaymentIntentCancel, enqueuePaymentIntentCapture } from "../../orders/payment-intent-effects";
import { idOf } from "../../stripe/expandable";
import { attributesForStorage } from "../attributes/collect-pre-payment-attributes";
import { loadRuleSet } from "../load-rule-set";
import { recordFraudDecision } from "../record-fraud-decision";
import { decideRules } from "../rules/decide-rules";
import { attributesFromStorage, collectPostAuthorisationAttributes } from "./collect-post-authorisation-attributes";

export type AuthorisedPaymentOutcome = "captured" | "held_for_review" | "released" | "already_decided" | "not_held";

/**
 * The post-authorisation decision for a manual-capture PaymentIntent that Stripe authorised
 * (`requires_capture`), inside the transaction that applies it (the order row is locked there).
 * Rules run again over the pre-payment attributes plus what the Charge now tells (Request 3DS
 * rules are over by now). Then, in that same transaction:
 * - the pre-payment decision was review, a Review rule matches, or Stripe's Radar placed the
 *   charge in manual review → a review opens; the money stays authorised, uncaptured;
 * - a Block rule matches → the authorisation is released (cancel, through the outbox);
 * - otherwise → captured at once (through the outbox).
 * One decision per PaymentIntent (a unique key), so a redelivered event decides nothing twice.
 */
export async function decideAuthorisedPayment(
  tx: Tx,
  prisma: PrismaClient,
  intent: Stripe.PaymentIntent,
): Promise<AuthorisedPaymentOutcome> {
  const orderId = intent.metadata?.order_id;
  if (!orderId || intent.status !== "requires_capture" || intent.capture_method !== "manual") return "not_held";
  const started = performance.now();
  const existing = await tx.fraudDecision.findUnique({ where: { paymentIntentId: intent.id }, select: { id: true } });
  if (existing) return "already_decided";

  const [pre, ruleSet] = await Promise.all([
    tx.fraudDecision.findFirst({
      where: { orderId, stage: "pre_payment" },
      orderBy: { createdAt: "desc" },
      select: { action: true, attributes: true },
    }),
    loadRuleSet(prisma),
  ]);
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const attributes = {
    ...attributesFromStorage(pre?.attributes),
    ...collectPostAuthorisationAttributes(charge),
  };
  const rules = ruleSet.rules.filter((rule) => rule.action !== "request_3ds");
  const decision = decideRules(rules, { attributes, lists: ruleSet.lists });
  const radarReview = charge?.outcome?.type === "manual_review";
  const reasons: string[] = [];
  const deciding = rules.find((rule) => rule.id === decision.decidingRuleId);
  if (deciding) reasons.push(`rule: ${deciding.source}`);
  if (pre?.action === "review") reasons.push("held for review before payment");
  if (radarReview) reasons.push(`Stripe Radar: ${charge?.outcome?.seller_message ?? "placed in review"}`);

  const explicitAllow = decision.action === "allow" && deciding !== undefined;
  const action =
    decision.action === "block"
      ? "block"
      : !explicitAllow && (decision.action === "review" || pre?.action === "review" || radarReview)
        ? "review"
        : "allow";

  const versions = new Map(ruleSet.rules.map((rule) => [rule.id, rule.version]));
  await recordFraudDecision(
    tx,
    {
      stage: "post_authorisation",
      action,
      decidingRuleId: decision.decidingRuleId,
      attributes: attributesForStorage(attributes),
      ruleVerdicts: decision.verdicts.map((verdict) => ({ ...verdict, version: versions.get(verdict.ruleId) ?? 1 })),
      hookVerdicts: [],
      reasons,
      durationMicros: Math.round((performance.now() - started) * 1000),
    },
    { orderId, checkoutKey: null, paymentIntentId: intent.id },
  );

  if (action === "block") {
    await enqueuePaymentIntentCancel(tx, { paymentIntentId: intent.id, reason: "fraudulent" });
    return "released";
  }
  if (action === "allow") {
    await enqueuePaymentIntentCapture(tx, { paymentIntentId: intent.id });
    return "captured";
  }
  const stripeReviewId = idOf(charge?.review ?? intent.review ?? null);
  // Stripe's review.opened may have put the order in the queue already: one queue item per payment.
  const queued = await tx.fraudReview.findFirst({
    where: { paymentIntentId: intent.id, status: "open", source: { not: "early_fraud_warning" } },
    select: { id: true, reasons: true },
  });
  if (queued) {
    await tx.fraudReview.update({
      where: { id: queued.id },
      data: {
        reasons: [...reasons.filter((reason) => !reason.startsWith("Stripe Radar")), ...queued.reasons],
        // Keep the review id review.opened linked if the charge did not name one.
        stripeReviewId: stripeReviewId ?? undefined,
      },
    });
    return "held_for_review";
  }
  await tx.fraudReview.createMany({
    data: {
      orderId,
      paymentIntentId: intent.id,
      source: radarReview && !deciding && pre?.action !== "review" ? "stripe_radar" : "rules",
      reasons,
      amountMinor: intent.amount_capturable || intent.amount,
      currency: intent.currency.toUpperCase(),
      authorisedAt: new Date((charge?.created ?? intent.created) * 1000),
      stripeReviewId,
    },
    skipDuplicates: true,
  });
  return "held_for_review";
}
