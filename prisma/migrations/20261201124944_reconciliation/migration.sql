-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "window_from" TIMESTAMPTZ(3) NOT NULL,
    "window_to" TIMESTAMPTZ(3) NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "stage" TEXT NOT NULL DEFAULT 'reading_stripe',
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_stripe_transactions" (
    "run_id" UUID NOT NULL,
    "balance_transaction_id" TEXT NOT NULL,
    "source_id" TEXT,
    "type" TEXT NOT NULL,
    "reporting_category" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "fee_minor" BIGINT NOT NULL,
    "net_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "available_on" TIMESTAMPTZ(3) NOT NULL,
    "payout_id" TEXT,

    CONSTRAINT "reconciliation_stripe_transactions_pkey" PRIMARY KEY ("run_id","balance_transaction_id")
);

-- CreateTable
CREATE TABLE "reconciliation_stripe_payouts" (
    "run_id" UUID NOT NULL,
    "payout_id" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "automatic" BOOLEAN NOT NULL,
    "reconciliation_status" TEXT NOT NULL,
    "arrival_date" TIMESTAMPTZ(3) NOT NULL,
    "trace_id" TEXT,
    "statement_descriptor" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reconciliation_stripe_payouts_pkey" PRIMARY KEY ("run_id","payout_id")
);

-- CreateTable
CREATE TABLE "reconciliation_payout_transactions" (
    "run_id" UUID NOT NULL,
    "payout_id" TEXT NOT NULL,
    "balance_transaction_id" TEXT NOT NULL,
    "source_id" TEXT,
    "type" TEXT NOT NULL,
    "net_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "reconciliation_payout_transactions_pkey" PRIMARY KEY ("run_id","payout_id","balance_transaction_id")
);

-- CreateTable
CREATE TABLE "reconciliation_findings" (
    "run_id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "leg" INTEGER NOT NULL,
    "currency" CHAR(3),
    "amount_minor" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "stripe_reference" TEXT,
    "payops_reference" TEXT,
    "bank_line_id" UUID,
    "stripe_side" JSONB,
    "payops_side" JSONB,
    "bank_side" JSONB,
    "summary" TEXT NOT NULL,

    CONSTRAINT "reconciliation_findings_pkey" PRIMARY KEY ("run_id","fingerprint")
);

-- CreateTable
CREATE TABLE "reconciliation_breaks" (
    "id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "leg" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "currency" CHAR(3),
    "amount_minor" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "stripe_reference" TEXT,
    "payops_reference" TEXT,
    "bank_line_id" UUID,
    "stripe_side" JSONB,
    "payops_side" JSONB,
    "bank_side" JSONB,
    "summary" TEXT NOT NULL,
    "first_run_id" UUID NOT NULL,
    "last_run_id" UUID NOT NULL,
    "owner_id" UUID,
    "due_at" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "resolution_reason" TEXT,
    "resolution_note" TEXT,
    "ledger_transaction_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reconciliation_breaks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_accounts" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "csv_mapping" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_statement_imports" (
    "id" UUID NOT NULL,
    "bank_account_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "file_name" TEXT,
    "lines_read" INTEGER NOT NULL,
    "lines_added" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_statement_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_statement_lines" (
    "id" UUID NOT NULL,
    "bank_account_id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "line_key" TEXT NOT NULL,
    "booking_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reference" TEXT,
    "description" TEXT,

    CONSTRAINT "bank_statement_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reconciliation_runs_started_at_idx" ON "reconciliation_runs"("started_at");

-- CreateIndex
CREATE INDEX "reconciliation_stripe_transactions_run_id_source_id_idx" ON "reconciliation_stripe_transactions"("run_id", "source_id");

-- CreateIndex
CREATE INDEX "reconciliation_stripe_transactions_run_id_payout_id_idx" ON "reconciliation_stripe_transactions"("run_id", "payout_id");

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_breaks_fingerprint_key" ON "reconciliation_breaks"("fingerprint");

-- CreateIndex
CREATE INDEX "reconciliation_breaks_status_type_idx" ON "reconciliation_breaks"("status", "type");

-- CreateIndex
CREATE INDEX "reconciliation_breaks_occurred_at_idx" ON "reconciliation_breaks"("occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "bank_accounts_name_key" ON "bank_accounts"("name");

-- CreateIndex
CREATE UNIQUE INDEX "bank_statement_imports_bank_account_id_sha256_key" ON "bank_statement_imports"("bank_account_id", "sha256");

-- CreateIndex
CREATE INDEX "bank_statement_lines_booking_date_idx" ON "bank_statement_lines"("booking_date");

-- CreateIndex
CREATE UNIQUE INDEX "bank_statement_lines_bank_account_id_line_key_key" ON "bank_statement_lines"("bank_account_id", "line_key");

-- AddForeignKey
ALTER TABLE "bank_statement_imports" ADD CONSTRAINT "bank_statement_imports_bank_account_id_fkey" FOREIGN KEY ("bank_account_id") REFERENCES "bank_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_bank_account_id_fkey" FOREIGN KEY ("bank_account_id") REFERENCES "bank_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "bank_statement_imports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
