-- AlterTable
ALTER TABLE "fraud_decisions" ADD COLUMN     "payment_intent_id" TEXT;

-- CreateTable
CREATE TABLE "fraud_reviews" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "payment_intent_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "source" TEXT NOT NULL,
    "reasons" TEXT[],
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "authorised_at" TIMESTAMPTZ(3) NOT NULL,
    "stripe_review_id" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "close_reason" TEXT,

    CONSTRAINT "fraud_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fraud_reviews_payment_intent_id_key" ON "fraud_reviews"("payment_intent_id");

-- CreateIndex
CREATE INDEX "fraud_reviews_status_opened_at_idx" ON "fraud_reviews"("status", "opened_at");

-- CreateIndex
CREATE INDEX "fraud_reviews_order_id_idx" ON "fraud_reviews"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "fraud_decisions_payment_intent_id_key" ON "fraud_decisions"("payment_intent_id");

ALTER TABLE "fraud_reviews" ADD CONSTRAINT "fraud_reviews_status_check" CHECK ("status" IN ('open', 'approved', 'rejected', 'closed')),
  ADD CONSTRAINT "fraud_reviews_source_check" CHECK ("source" IN ('rules', 'stripe_radar', 'early_fraud_warning')),
  ADD CONSTRAINT "fraud_reviews_amount_check" CHECK ("amount_minor" >= 0);
