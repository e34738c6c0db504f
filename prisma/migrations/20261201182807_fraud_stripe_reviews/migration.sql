-- AlterTable
ALTER TABLE "fraud_reviews" ADD COLUMN     "stripe_review_closed_reason" TEXT;

-- CreateIndex
CREATE INDEX "fraud_reviews_stripe_review_id_idx" ON "fraud_reviews"("stripe_review_id");
