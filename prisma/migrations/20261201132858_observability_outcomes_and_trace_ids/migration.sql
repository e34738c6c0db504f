-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "authorised_at" TIMESTAMPTZ(3),
ADD COLUMN     "decline_code" TEXT,
ADD COLUMN     "three_d_secure" TEXT;

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "trace_id" TEXT;

-- AlterTable
ALTER TABLE "stripe_events" ADD COLUMN     "trace_id" TEXT;

-- CreateIndex
CREATE INDEX "payments_created_at_idx" ON "payments"("created_at");
