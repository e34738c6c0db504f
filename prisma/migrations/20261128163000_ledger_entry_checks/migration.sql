-- The balance of a journal entry is checked once, at commit, by the entry's own deferred trigger
-- (it sees every line written in the transaction). Lines need only one immediate check per
-- statement: the entry they join must have been written with them, so a posted entry cannot grow.

CREATE OR REPLACE FUNCTION "ledger_check_transaction"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  per_currency record;
  line_count integer := 0;
BEGIN
  FOR per_currency IN
    SELECT l."currency",
           sum(CASE l."direction" WHEN 'debit' THEN l."amount_minor" ELSE -l."amount_minor" END) AS difference,
           count(*) AS lines
      FROM "ledger_lines" l
     WHERE l."transaction_id" = NEW."id"
     GROUP BY l."currency"
  LOOP
    line_count := line_count + per_currency.lines;
    IF per_currency.difference <> 0 THEN
      RAISE EXCEPTION 'ledger transaction % does not balance in %: debits exceed credits by %',
        NEW."id", per_currency."currency", per_currency.difference
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
    END IF;
  END LOOP;
  IF line_count = 0 THEN
    RAISE EXCEPTION 'ledger transaction % has no lines', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_transaction_balanced';
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ledger_check_lines_join_new_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  posted uuid;
BEGIN
  SELECT t."id" INTO posted
    FROM "new_lines" n
    JOIN "ledger_lines" l ON l."id" = n."id"
    JOIN "ledger_transactions" t ON t."id" = l."transaction_id"
   WHERE l.xmin <> t.xmin
   LIMIT 1;
  IF posted IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transaction % is already posted: lines cannot be added to it, post a new entry', posted
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'ledger_transaction_immutable';
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER "ledger_lines_balanced" ON "ledger_lines";
CREATE TRIGGER "ledger_lines_join_new_entry" AFTER INSERT ON "ledger_lines"
  REFERENCING NEW TABLE AS "new_lines" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_check_lines_join_new_entry"();
