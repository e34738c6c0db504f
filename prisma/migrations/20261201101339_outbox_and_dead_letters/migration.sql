-- AlterTable
ALTER TABLE "stripe_events" ADD COLUMN     "dead_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "outbox_effects" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "result" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leased_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_effects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_attempts" (
    "id" UUID NOT NULL,
    "effect_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_effects_idempotency_key_key" ON "outbox_effects"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_effects_status_next_attempt_at_idx" ON "outbox_effects"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_effects_kind_subject_id_idx" ON "outbox_effects"("kind", "subject_id");

-- CreateIndex
CREATE INDEX "outbox_attempts_effect_id_attempt_idx" ON "outbox_attempts"("effect_id", "attempt");

-- CreateIndex
CREATE INDEX "stripe_events_dead_at_idx" ON "stripe_events"("dead_at");

-- AddForeignKey
ALTER TABLE "outbox_attempts" ADD CONSTRAINT "outbox_attempts_effect_id_fkey" FOREIGN KEY ("effect_id") REFERENCES "outbox_effects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An effect's state is one of four; anything else is a bug.
ALTER TABLE "outbox_effects" ADD CONSTRAINT "outbox_effects_status_check"
  CHECK ("status" IN ('pending', 'done', 'dead', 'discarded'));

-- Refunds committed as issuing before the outbox existed get their effect, so they are sent too.
INSERT INTO "outbox_effects" ("id", "kind", "subject_id", "idempotency_key", "updated_at")
SELECT gen_random_uuid(), 'stripe.refund.create', "id"::text, 'refund:' || "id"::text, CURRENT_TIMESTAMP
  FROM "refunds" WHERE "status" = 'issuing'
ON CONFLICT ("idempotency_key") DO NOTHING;
