-- CreateTable
CREATE TABLE "ledger_account_daily_totals" (
    "currency" CHAR(3) NOT NULL,
    "account_code" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "shard" SMALLINT NOT NULL,
    "debits_minor" BIGINT NOT NULL DEFAULT 0,
    "credits_minor" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_account_daily_totals_pkey" PRIMARY KEY ("currency","account_code","day","shard")
);

-- CreateTable
CREATE TABLE "payment_daily_totals" (
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "shard" SMALLINT NOT NULL,
    "payments" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "captured" INTEGER NOT NULL DEFAULT 0,
    "captured_minor" BIGINT NOT NULL DEFAULT 0,
    "refunded" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "payment_daily_totals_pkey" PRIMARY KEY ("day","currency","shard")
);

-- Maintained aggregates, written by hand (Prisma's schema cannot express triggers). Triggers keep
-- both tables equal to the raw rows in the statement that changes them, so a writer gains no round
-- trip. Inserts are statement-level with transition tables: a whole statement folds into one
-- grouped upsert, so a bulk load costs one upsert, not one per row. Rows are upserted in key
-- order, and each writer uses its own backend's shard, so concurrent writers rarely meet on a row.
-- The functions are PL/pgSQL so their plans are cached across calls.
CREATE FUNCTION "payops_rollup_shard"() RETURNS smallint LANGUAGE sql STABLE AS $$
  SELECT (pg_backend_pid() % 8)::smallint
$$;

-- Adds the payments in `added` to their UTC days and takes those in `removed` away, counting each
-- as the overview does. An update passes the old rows as removed and the new ones as added, so a
-- change that moves no figure (updated_at, card details) nets to zero and touches no total.
CREATE FUNCTION "payment_daily_totals_apply"(added "payments"[], removed "payments"[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "payment_daily_totals" AS t
         ("day", "currency", "shard", "payments", "succeeded", "failed", "captured", "captured_minor", "refunded")
  SELECT ("created_at" AT TIME ZONE 'UTC')::date, "currency", "payops_rollup_shard"(),
         sum(sign),
         sum(sign * ("status" = 'succeeded')::int),
         sum(sign * ("status" = 'canceled'
                     OR ("status" = 'requires_payment_method' AND "last_payment_error" IS NOT NULL))::int),
         sum(sign * ("amount_captured_minor" > 0)::int),
         sum(sign * greatest("amount_captured_minor", 0)::bigint),
         sum(sign * ("amount_refunded_minor" > 0)::int)
    FROM (SELECT p.*, 1 AS sign FROM unnest(added) p
          UNION ALL
          SELECT p.*, -1 AS sign FROM unnest(removed) p) changed
   GROUP BY 1, 2
  HAVING sum(sign) <> 0
      OR sum(sign * ("status" = 'succeeded')::int) <> 0
      OR sum(sign * ("status" = 'canceled'
                     OR ("status" = 'requires_payment_method' AND "last_payment_error" IS NOT NULL))::int) <> 0
      OR sum(sign * ("amount_captured_minor" > 0)::int) <> 0
      OR sum(sign * greatest("amount_captured_minor", 0)::bigint) <> 0
      OR sum(sign * ("amount_refunded_minor" > 0)::int) <> 0
   ORDER BY 1, 2
  ON CONFLICT ("day", "currency", "shard") DO UPDATE SET
    "payments" = t."payments" + excluded."payments",
    "succeeded" = t."succeeded" + excluded."succeeded",
    "failed" = t."failed" + excluded."failed",
    "captured" = t."captured" + excluded."captured",
    "captured_minor" = t."captured_minor" + excluded."captured_minor",
    "refunded" = t."refunded" + excluded."refunded";
END;
$$;

-- Inserts and deletes fold a whole statement into one call (a bulk load is one upsert); an update
-- calls it per row, and only when a figure the totals count could move, so the many updates that
-- change nothing counted (a stale event, card details, updated_at) cost no more than before.
CREATE FUNCTION "payment_daily_totals_maintain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    PERFORM "payment_daily_totals_apply"(ARRAY[NEW], ARRAY[OLD]);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "payment_daily_totals_apply"(ARRAY(SELECT n::"payments" FROM new_payments n), '{}');
  ELSE
    PERFORM "payment_daily_totals_apply"('{}', ARRAY(SELECT o::"payments" FROM old_payments o));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "payment_daily_totals_on_insert" AFTER INSERT ON "payments"
  REFERENCING NEW TABLE AS new_payments FOR EACH STATEMENT EXECUTE FUNCTION "payment_daily_totals_maintain"();
CREATE TRIGGER "payment_daily_totals_on_update" AFTER UPDATE ON "payments" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status"
        OR OLD."amount_captured_minor" IS DISTINCT FROM NEW."amount_captured_minor"
        OR OLD."amount_refunded_minor" IS DISTINCT FROM NEW."amount_refunded_minor"
        OR (OLD."last_payment_error" IS NULL) IS DISTINCT FROM (NEW."last_payment_error" IS NULL)
        OR OLD."currency" IS DISTINCT FROM NEW."currency"
        OR OLD."created_at" IS DISTINCT FROM NEW."created_at")
  EXECUTE FUNCTION "payment_daily_totals_maintain"();
CREATE TRIGGER "payment_daily_totals_on_delete" AFTER DELETE ON "payments"
  REFERENCING OLD TABLE AS old_payments FOR EACH STATEMENT EXECUTE FUNCTION "payment_daily_totals_maintain"();
-- TRUNCATE fires no delete trigger, so it would leave the totals behind: refused; DELETE instead.
CREATE FUNCTION "payment_daily_totals_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payments cannot be truncated: payment_daily_totals would keep counting them; delete the rows instead'
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER "payment_daily_totals_no_truncate" BEFORE TRUNCATE ON "payments"
  FOR EACH STATEMENT EXECUTE FUNCTION "payment_daily_totals_refuse_truncate"();

-- Ledger lines are append-only (updates, deletes and truncation are refused), so inserts are all.
CREATE FUNCTION "ledger_account_daily_totals_maintain"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ledger_account_daily_totals" AS t
         ("currency", "account_code", "day", "shard", "debits_minor", "credits_minor")
  SELECT l."currency", l."account_code", (l."occurred_at" AT TIME ZONE 'UTC')::date, "payops_rollup_shard"(),
         coalesce(sum(l."amount_minor") FILTER (WHERE l."direction" = 'debit'), 0),
         coalesce(sum(l."amount_minor") FILTER (WHERE l."direction" = 'credit'), 0)
    FROM new_lines l
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT ("currency", "account_code", "day", "shard") DO UPDATE SET
    "debits_minor" = t."debits_minor" + excluded."debits_minor",
    "credits_minor" = t."credits_minor" + excluded."credits_minor";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ledger_account_daily_totals_on_insert" AFTER INSERT ON "ledger_lines"
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION "ledger_account_daily_totals_maintain"();

-- What is already there. The triggers above exist first and this transaction holds their tables'
-- locks, so no write falls between the two.
SELECT "payment_daily_totals_apply"(ARRAY(SELECT p FROM "payments" p), '{}');
INSERT INTO "ledger_account_daily_totals" ("currency", "account_code", "day", "shard", "debits_minor", "credits_minor")
SELECT "currency", "account_code", ("occurred_at" AT TIME ZONE 'UTC')::date, 0,
       coalesce(sum("amount_minor") FILTER (WHERE "direction" = 'debit'), 0),
       coalesce(sum("amount_minor") FILTER (WHERE "direction" = 'credit'), 0)
  FROM "ledger_lines" GROUP BY 1, 2, 3;
