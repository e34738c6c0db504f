const EFFECT_KINDS: Record<string, string> = {
  "stripe.refund.create": "Send a refund to Stripe",
  "stripe.payment_intent.capture": "Capture a held payment at Stripe",
  "stripe.payment_intent.cancel": "Cancel a held payment at Stripe",
  "stripe.dispute.submit_evidence": "Submit dispute evidence to Stripe",
  "accounting.journal.post": "Post a journal to the accounting system",
  "stripe.dispute.close": "Accept a dispute at Stripe",
  "stripe.review.approve": "Approve Stripe Radar's review of a payment",
  "mail.order.confirmation": "Mail the customer their order confirmation",
  "mail.refund.notice": "Mail the customer that a refund is on its way",
  "mail.payment.failed": "Mail the customer that their payment failed",
};

/** An outbox effect's kind in the merchant's words. */
export function describeEffectKind(kind: string): string {
  return EFFECT_KINDS[kind] ?? "Another call to an outside service";
}

/** A Stripe event type in words: `charge.dispute.created` → "Stripe event: charge dispute created". */
export function describeStripeEventType(type: string): string {
  return `Stripe event: ${type.replaceAll(/[._]/g, " ")}`;
}

const OUTCOMES: Record<string, string> = {
  retry: "failed, tried again later",
  dead: "failed, set aside",
  done: "done",
};

/** One attempt's outcome in words. */
export function describeAttemptOutcome(outcome: string): string {
  return OUTCOMES[outcome] ?? outcome;
}
