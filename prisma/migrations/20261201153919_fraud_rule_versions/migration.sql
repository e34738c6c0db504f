-- CreateTable
CREATE TABLE "fraud_rule_versions" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "change" TEXT NOT NULL,
    "changed_by_id" UUID NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fraud_rule_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fraud_rule_versions_rule_id_version_key" ON "fraud_rule_versions"("rule_id", "version");

-- AddForeignKey
ALTER TABLE "fraud_rule_versions" ADD CONSTRAINT "fraud_rule_versions_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "fraud_rules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A rule's history is append-only, like the audit log: each change adds a version.
CREATE TRIGGER "fraud_rule_versions_append_only" BEFORE UPDATE OR DELETE ON "fraud_rule_versions"
  FOR EACH ROW EXECUTE FUNCTION "payops_refuse_change"();
