-- CreateEnum
CREATE TYPE "LedgerAccountType" AS ENUM ('asset', 'liability', 'equity', 'revenue', 'expense');

-- CreateEnum
CREATE TYPE "LedgerDirection" AS ENUM ('debit', 'credit');

-- CreateTable
CREATE TABLE "ledger_accounts" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "type" "LedgerAccountType" NOT NULL,
    "normal_balance" "LedgerDirection" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_transactions" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stripe_balance_transaction_id" TEXT,
    "stripe_object_id" TEXT,
    "stripe_payment_intent_id" TEXT,
    "stripe_event_id" TEXT,
    "order_id" UUID,
    "staff_user_id" UUID,
    "reverses_transaction_id" UUID,

    CONSTRAINT "ledger_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_lines" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "account_code" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "direction" "LedgerDirection" NOT NULL,
    "amount_minor" BIGINT NOT NULL,

    CONSTRAINT "ledger_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_accounts_code_currency_key" ON "ledger_accounts"("code", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_transactions_idempotency_key_key" ON "ledger_transactions"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_transactions_reverses_transaction_id_key" ON "ledger_transactions"("reverses_transaction_id");

-- CreateIndex
CREATE INDEX "ledger_transactions_order_id_idx" ON "ledger_transactions"("order_id");

-- CreateIndex
CREATE INDEX "ledger_transactions_stripe_object_id_idx" ON "ledger_transactions"("stripe_object_id");

-- CreateIndex
CREATE INDEX "ledger_transactions_stripe_balance_transaction_id_idx" ON "ledger_transactions"("stripe_balance_transaction_id");

-- CreateIndex
CREATE INDEX "ledger_transactions_occurred_at_idx" ON "ledger_transactions"("occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_transactions_id_occurred_at_key" ON "ledger_transactions"("id", "occurred_at");

-- CreateIndex
CREATE INDEX "ledger_lines_transaction_id_idx" ON "ledger_lines"("transaction_id");

-- CreateIndex
CREATE INDEX "ledger_lines_account_code_currency_occurred_at_idx" ON "ledger_lines"("account_code", "currency", "occurred_at");

-- AddForeignKey
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_reverses_transaction_id_fkey" FOREIGN KEY ("reverses_transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_transaction_id_occurred_at_fkey" FOREIGN KEY ("transaction_id", "occurred_at") REFERENCES "ledger_transactions"("id", "occurred_at") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_account_code_currency_fkey" FOREIGN KEY ("account_code", "currency") REFERENCES "ledger_accounts"("code", "currency") ON DELETE RESTRICT ON UPDATE RESTRICT;


-- The ledger's invariants live in the database, so no code path (or psql session) can skip them.

-- Amounts are positive; the side lives in "direction". Currencies are ISO codes in upper case.
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_code_format" CHECK ("code" ~ '^[0-9]{3,6}$');
-- A journal entry says what caused it: a Stripe object, an event, an order or a staff action.
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_has_source" CHECK (
  num_nonnulls("stripe_balance_transaction_id", "stripe_object_id", "stripe_event_id", "order_id", "staff_user_id") > 0
);

-- At commit, every journal entry touched must balance per currency, and its lines must have been
-- written by the same statement or transaction that created it (a posted entry cannot grow).
CREATE FUNCTION "ledger_check_transaction"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry_id uuid;
  per_currency record;
  line_count integer := 0;
BEGIN
  -- Fired by a line or by its transaction; either way the whole transaction is checked.
  IF TG_TABLE_NAME = 'ledger_lines' THEN
    entry_id := NEW."transaction_id";
  ELSE
    entry_id := NEW."id";
  END IF;
  FOR per_currency IN
    SELECT l."currency",
           sum(CASE l."direction" WHEN 'debit' THEN l."amount_minor" ELSE -l."amount_minor" END) AS difference,
           bool_and(l.xmin = t.xmin) AS written_with_entry,
           count(*) AS lines
      FROM "ledger_lines" l JOIN "ledger_transactions" t ON t."id" = l."transaction_id"
     WHERE l."transaction_id" = entry_id
     GROUP BY l."currency"
  LOOP
    line_count := line_count + per_currency.lines;
    IF per_currency.difference <> 0 THEN
      RAISE EXCEPTION 'ledger transaction % does not balance in %: debits exceed credits by %',
        entry_id, per_currency."currency", per_currency.difference
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
    END IF;
    IF NOT per_currency.written_with_entry THEN
      RAISE EXCEPTION 'ledger transaction % is already posted: lines cannot be added to it, post a new entry', entry_id
        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'ledger_transaction_immutable';
    END IF;
  END LOOP;
  IF line_count = 0 THEN
    RAISE EXCEPTION 'ledger transaction % has no lines', entry_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "ledger_lines_balanced" AFTER INSERT ON "ledger_lines"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_transaction"();
CREATE CONSTRAINT TRIGGER "ledger_transactions_balanced" AFTER INSERT ON "ledger_transactions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_transaction"();

-- Posted entries are never rewritten or removed; corrections are reversing entries.
CREATE TRIGGER "ledger_lines_append_only" BEFORE UPDATE OR DELETE ON "ledger_lines"
  FOR EACH ROW EXECUTE FUNCTION "payops_refuse_change"();
CREATE TRIGGER "ledger_transactions_append_only" BEFORE UPDATE OR DELETE ON "ledger_transactions"
  FOR EACH ROW EXECUTE FUNCTION "payops_refuse_change"();
CREATE TRIGGER "ledger_lines_no_truncate" BEFORE TRUNCATE ON "ledger_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION "payops_refuse_change"();
CREATE TRIGGER "ledger_transactions_no_truncate" BEFORE TRUNCATE ON "ledger_transactions"
  FOR EACH STATEMENT EXECUTE FUNCTION "payops_refuse_change"();
