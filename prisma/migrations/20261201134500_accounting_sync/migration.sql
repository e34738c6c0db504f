-- CreateTable
CREATE TABLE "accounting_connections" (
    "id" UUID NOT NULL,
    "vendor" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'summary',
    "status" TEXT NOT NULL DEFAULT 'active',
    "organisation_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_sealed" TEXT NOT NULL,
    "refresh_token_sealed" TEXT NOT NULL,
    "access_token_sealed" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "account_map" JSONB NOT NULL DEFAULT '{}',
    "start_date" TIMESTAMPTZ(3),
    "last_sync_at" TIMESTAMPTZ(3),
    "last_sync_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounting_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounting_journals" (
    "id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "journal_key" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "journal_date" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "narration" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "target_id" TEXT,
    "target_url" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounting_journals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounting_journal_entries" (
    "connection_id" UUID NOT NULL,
    "ledger_transaction_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "journal_id" UUID NOT NULL,

    CONSTRAINT "accounting_journal_entries_pkey" PRIMARY KEY ("connection_id","ledger_transaction_id","currency")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounting_journals_idempotency_key_key" ON "accounting_journals"("idempotency_key");

-- CreateIndex
CREATE INDEX "accounting_journals_connection_id_status_idx" ON "accounting_journals"("connection_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "accounting_journals_connection_id_journal_key_key" ON "accounting_journals"("connection_id", "journal_key");

-- CreateIndex
CREATE INDEX "accounting_journal_entries_journal_id_idx" ON "accounting_journal_entries"("journal_id");

-- AddForeignKey
ALTER TABLE "accounting_journals" ADD CONSTRAINT "accounting_journals_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "accounting_connections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounting_journal_entries" ADD CONSTRAINT "accounting_journal_entries_journal_id_fkey" FOREIGN KEY ("journal_id") REFERENCES "accounting_journals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
