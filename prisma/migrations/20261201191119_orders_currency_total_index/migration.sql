-- CreateIndex
CREATE INDEX "orders_currency_total_minor_id_idx" ON "orders"("currency", "total_minor", "id");
