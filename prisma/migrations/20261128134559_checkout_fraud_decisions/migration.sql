-- CreateTable
CREATE TABLE "checkout_fraud_decisions" (
    "order_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "reasons" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checkout_fraud_decisions_pkey" PRIMARY KEY ("order_id")
);

-- CreateIndex
CREATE INDEX "checkout_fraud_decisions_outcome_created_at_idx" ON "checkout_fraud_decisions"("outcome", "created_at");

-- Hand-written: only the three answers a fraud hook can give.
ALTER TABLE "checkout_fraud_decisions"
  ADD CONSTRAINT "checkout_fraud_decisions_outcome_check" CHECK ("outcome" IN ('allow', 'review', 'block'));
