-- DropIndex
DROP INDEX "fraud_reviews_payment_intent_id_key";

-- CreateTable
CREATE TABLE "fraud_early_warnings" (
    "id" UUID NOT NULL,
    "stripe_warning_id" TEXT NOT NULL,
    "order_id" UUID NOT NULL,
    "stripe_charge_id" TEXT NOT NULL,
    "payment_intent_id" TEXT NOT NULL,
    "fraud_type" TEXT NOT NULL,
    "actionable" BOOLEAN NOT NULL,
    "policy_action" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "refund_id" UUID,
    "stripe_created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_early_warnings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fraud_early_warnings_stripe_warning_id_key" ON "fraud_early_warnings"("stripe_warning_id");

-- CreateIndex
CREATE INDEX "fraud_early_warnings_order_id_idx" ON "fraud_early_warnings"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "fraud_reviews_payment_intent_id_source_key" ON "fraud_reviews"("payment_intent_id", "source");
