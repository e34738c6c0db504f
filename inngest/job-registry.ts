import { accountingEffects } from "@/server/accounting/accounting-effects";
import { ACCOUNTING_JOBS } from "@/server/accounting/accounting-jobs";
import { customerMailEffects } from "@/server/customer-mail/customer-mail-effects";
import { DISPUTE_EFFECTS } from "@/server/disputes/dispute-effects";
import { STRIPE_REVIEW_EFFECTS } from "@/server/fraud/review/stripe-review-effects";
import type { JobDefinition } from "@/server/jobs/job-definition";
import type { EffectPerformers } from "@/server/jobs/outbox/outbox-effect";
import { outboxJobs } from "@/server/jobs/outbox/outbox-jobs";
import { PAYMENT_INTENT_EFFECTS } from "@/server/orders/payment-intent-effects";
import { RECONCILIATION_JOBS } from "@/server/reconciliation/reconciliation-jobs";
import { REFUND_EFFECTS } from "@/server/refunds/refund-effects";
import { WEBHOOK_JOBS } from "@/server/webhooks/webhook-jobs";

/** Who performs each kind of outbox effect: every room registers its own. */
export const EFFECT_PERFORMERS: EffectPerformers = {
  ...REFUND_EFFECTS,
  ...PAYMENT_INTENT_EFFECTS,
  ...DISPUTE_EFFECTS,
  ...STRIPE_REVIEW_EFFECTS,
  ...accountingEffects(),
  ...customerMailEffects(),
};

/**
 * Every background job. Only doors import this: the Inngest serve route (through ./index) and the
 * app's start-up, which hands it to the local executor. Rooms start work through `emit`.
 */
export const JOB_REGISTRY: readonly JobDefinition[] = [
  ...WEBHOOK_JOBS,
  ...outboxJobs(EFFECT_PERFORMERS),
  ...ACCOUNTING_JOBS,
  ...RECONCILIATION_JOBS,
];
