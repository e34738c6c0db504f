import type { JobContext } from "../job-definition";

/** Every kind of outside effect PayOps makes; a room registers the performer of each of its own. */
export const EFFECT_KINDS = [
  "stripe.refund.create",
  "stripe.payment_intent.capture",
  "stripe.payment_intent.cancel",
  "stripe.dispute.submit_evidence",
  "accounting.journal.post",
  "stripe.dispute.close",
  "stripe.review.approve",
  "mail.order.confirmation",
  "mail.refund.notice",
  "mail.payment.failed",
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

export type OutboxEffectRow = {
  id: string;
  kind: string;
  subjectId: string;
  idempotencyKey: string;
  payload: unknown;
  attempts: number;
};

/**
 * What one attempt concluded: `done` (the outside system has it, or refused it for good and the
 * room recorded that), or `retry` (a passing failure: Stripe unreachable, a 5xx, a timeout).
 * A thrown error counts as `retry`.
 */
export type EffectOutcome = { kind: "done"; result: string } | { kind: "retry"; error: string };

export type EffectPerformer = (effect: OutboxEffectRow, context: JobContext) => Promise<EffectOutcome>;

export type EffectPerformers = Partial<Record<EffectKind, EffectPerformer>>;
