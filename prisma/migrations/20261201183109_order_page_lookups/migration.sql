-- CreateIndex
CREATE INDEX "audit_log_subject_id_idx" ON "audit_log"("subject_id");

-- The order page's Stripe events: those whose object is one of the order's PaymentIntents, or
-- names it (charges, refunds, disputes). An expression index, which Prisma's schema cannot
-- express; listed in server/db/hand-written-indexes.ts for the drift check.
CREATE INDEX "stripe_events_payment_intent_idx" ON "stripe_events"
  ((COALESCE(payload #>> '{data,object,payment_intent}', payload #>> '{data,object,id}')));
