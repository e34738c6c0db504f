-- AlterTable
ALTER TABLE "stripe_events" ADD COLUMN     "claimed_by" TEXT,
ADD COLUMN     "claimed_until" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "stripe_events_order_key_received_at_idx" ON "stripe_events"("order_key", "received_at");
