-- CreateIndex
CREATE INDEX "ledger_transactions_stripe_payment_intent_id_kind_idx" ON "ledger_transactions"("stripe_payment_intent_id", "kind");
