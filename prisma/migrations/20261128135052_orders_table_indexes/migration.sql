-- CreateIndex
CREATE INDEX "orders_total_minor_id_idx" ON "orders"("total_minor", "id");

-- CreateIndex
CREATE INDEX "orders_status_id_idx" ON "orders"("status", "id");

-- CreateIndex
CREATE INDEX "orders_currency_created_at_id_idx" ON "orders"("currency", "created_at", "id");
