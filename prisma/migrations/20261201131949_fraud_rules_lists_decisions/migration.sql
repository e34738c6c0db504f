-- CreateTable
CREATE TABLE "fraud_rules" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fraud_lists" (
    "id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_lists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fraud_list_items" (
    "list_id" UUID NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_list_items_pkey" PRIMARY KEY ("list_id","value")
);

-- CreateTable
CREATE TABLE "fraud_decisions" (
    "id" UUID NOT NULL,
    "order_id" UUID,
    "checkout_key" TEXT,
    "stage" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "deciding_rule_id" UUID,
    "attributes" JSONB NOT NULL,
    "rule_verdicts" JSONB NOT NULL,
    "hook_verdicts" JSONB NOT NULL DEFAULT '[]',
    "reasons" TEXT[],
    "duration_micros" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fraud_velocity_events" (
    "id" BIGSERIAL NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_value" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fraud_velocity_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fraud_rules_enabled_position_idx" ON "fraud_rules"("enabled", "position");

-- CreateIndex
CREATE UNIQUE INDEX "fraud_lists_alias_key" ON "fraud_lists"("alias");

-- CreateIndex
CREATE INDEX "fraud_decisions_created_at_idx" ON "fraud_decisions"("created_at");

-- CreateIndex
CREATE INDEX "fraud_decisions_order_id_created_at_idx" ON "fraud_decisions"("order_id", "created_at");

-- CreateIndex
CREATE INDEX "fraud_velocity_events_subject_kind_subject_value_kind_occur_idx" ON "fraud_velocity_events"("subject_kind", "subject_value", "kind", "occurred_at");

-- CreateIndex
CREATE INDEX "fraud_velocity_events_occurred_at_idx" ON "fraud_velocity_events"("occurred_at");

-- AddForeignKey
ALTER TABLE "fraud_list_items" ADD CONSTRAINT "fraud_list_items_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "fraud_lists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A Request 3DS rule is a checkout outcome of its own (the PaymentIntent asks the issuer to authenticate).
ALTER TABLE "checkout_fraud_decisions" DROP CONSTRAINT "checkout_fraud_decisions_outcome_check",
  ADD CONSTRAINT "checkout_fraud_decisions_outcome_check" CHECK ("outcome" IN ('allow', 'review', 'block', 'request_3ds'));

ALTER TABLE "fraud_rules" ADD CONSTRAINT "fraud_rules_action_check" CHECK ("action" IN ('request_3ds', 'allow', 'block', 'review'));
ALTER TABLE "fraud_decisions" ADD CONSTRAINT "fraud_decisions_action_check" CHECK ("action" IN ('request_3ds', 'allow', 'block', 'review')),
  ADD CONSTRAINT "fraud_decisions_stage_check" CHECK ("stage" IN ('pre_payment', 'post_authorisation'));
ALTER TABLE "fraud_lists" ADD CONSTRAINT "fraud_lists_kind_check" CHECK ("kind" IN ('email', 'email_domain', 'ip_address', 'card_fingerprint', 'country'));
ALTER TABLE "fraud_velocity_events" ADD CONSTRAINT "fraud_velocity_events_kind_check" CHECK ("kind" IN ('attempt', 'decline'));
