-- CreateTable
CREATE TABLE "ledger_closed_periods" (
    "id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "closed_by_id" UUID NOT NULL,
    "note" TEXT,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_closed_periods_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_closed_periods_period_key" ON "ledger_closed_periods"("period");

-- CreateIndex
CREATE INDEX "ledger_closed_periods_period_start_period_end_idx" ON "ledger_closed_periods"("period_start", "period_end");

-- A closed period is append-only like the journal, and refuses entries dated in it. An entry whose
-- idempotency key is already posted passes (the insert's ON CONFLICT skips it), so a late duplicate
-- of an event already booked stays a no-op instead of an error.
CREATE TRIGGER "ledger_closed_periods_append_only" BEFORE UPDATE OR DELETE ON "ledger_closed_periods"
  FOR EACH ROW EXECUTE FUNCTION "payops_refuse_change"();

CREATE FUNCTION "ledger_refuse_closed_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closed text;
BEGIN
  SELECT p."period" INTO closed FROM "ledger_closed_periods" p
   WHERE NEW."occurred_at" >= p."period_start" AND NEW."occurred_at" < p."period_end"
   LIMIT 1;
  IF closed IS NULL THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "ledger_transactions" t WHERE t."idempotency_key" = NEW."idempotency_key") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger period % is closed: an entry dated % cannot be posted in it; post the correction in an open period', closed, to_char(NEW."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')
    USING ERRCODE = 'P0001', HINT = 'payops_ledger_period_closed';
END;
$$;

CREATE TRIGGER "ledger_transactions_closed_period" BEFORE INSERT ON "ledger_transactions"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_closed_period"();
