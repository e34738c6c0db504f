-- CreateTable
CREATE TABLE "fraud_rule_set_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "fraud_rule_set_state_pkey" PRIMARY KEY ("id")
);

-- The one row, and the triggers that raise its version on any change to the rules or the lists
-- (statement level: a bulk change raises it once).
INSERT INTO "fraud_rule_set_state" ("id", "version") VALUES (1, 0);
ALTER TABLE "fraud_rule_set_state" ADD CONSTRAINT "fraud_rule_set_state_one_row" CHECK ("id" = 1);

CREATE FUNCTION "fraud_rule_set_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "fraud_rule_set_state" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "fraud_rules_change_rule_set" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "fraud_rules"
  FOR EACH STATEMENT EXECUTE FUNCTION "fraud_rule_set_changed"();
CREATE TRIGGER "fraud_lists_change_rule_set" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "fraud_lists"
  FOR EACH STATEMENT EXECUTE FUNCTION "fraud_rule_set_changed"();
CREATE TRIGGER "fraud_list_items_change_rule_set" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "fraud_list_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "fraud_rule_set_changed"();
