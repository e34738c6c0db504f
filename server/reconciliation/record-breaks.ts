import { Prisma, type Tx } from "../db/client";
import type { Leg } from "./break-types";
import type { MatchWindow } from "./match-window";

type Db = Pick<Tx, "$executeRaw" | "$queryRaw">;

/**
 * Merges a run's findings into the break queue: a new cause opens a break, a known one is updated
 * in place (so a re-run never adds a second row), and one the run resolved itself reopens if it is back.
 * Timing findings stay with the run.
 */
export async function mergeFindingsIntoBreaks(db: Db, runId: string): Promise<{ opened: number; seenAgain: number }> {
  const rows = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "reconciliation_breaks"
      ("id", "fingerprint", "type", "leg", "status", "currency", "amount_minor", "occurred_at", "stripe_reference",
       "payops_reference", "bank_line_id", "stripe_side", "payops_side", "bank_side", "summary", "first_run_id",
       "last_run_id", "created_at", "updated_at")
    SELECT gen_random_uuid(), f."fingerprint", f."type", f."leg", 'open', f."currency", f."amount_minor",
           f."occurred_at", f."stripe_reference", f."payops_reference", f."bank_line_id", f."stripe_side",
           f."payops_side", f."bank_side", f."summary", f."run_id", f."run_id", now(), now()
      FROM "reconciliation_findings" f
     WHERE f."run_id" = ${runId}::uuid AND f."type" <> 'timing'
    ON CONFLICT ("fingerprint") DO UPDATE SET
      "last_run_id" = EXCLUDED."last_run_id",
      "amount_minor" = EXCLUDED."amount_minor",
      "stripe_side" = EXCLUDED."stripe_side",
      "payops_side" = EXCLUDED."payops_side",
      "bank_side" = EXCLUDED."bank_side",
      "summary" = EXCLUDED."summary",
      "updated_at" = now(),
      "status" = CASE WHEN "reconciliation_breaks"."resolution" = 'matched_by_run' THEN 'open'
                      ELSE "reconciliation_breaks"."status" END,
      "resolved_at" = CASE WHEN "reconciliation_breaks"."resolution" = 'matched_by_run' THEN NULL
                           ELSE "reconciliation_breaks"."resolved_at" END,
      "resolution_note" = CASE WHEN "reconciliation_breaks"."resolution" = 'matched_by_run' THEN NULL
                               ELSE "reconciliation_breaks"."resolution_note" END,
      "resolution" = CASE WHEN "reconciliation_breaks"."resolution" = 'matched_by_run' THEN NULL
                          ELSE "reconciliation_breaks"."resolution" END
    RETURNING (xmax = 0) AS inserted`;
  const opened = rows.filter((row) => row.inserted).length;
  return { opened, seenAgain: rows.length - opened };
}

const WHY_RESOLVED = Prisma.sql`CASE b."type"
  WHEN 'missing_in_payops' THEN 'PayOps now has a record of it'
  WHEN 'missing_at_stripe' THEN 'Stripe now has a transaction for it'
  WHEN 'amount_mismatch' THEN 'the amounts now agree'
  WHEN 'fee_mismatch' THEN 'the fees now agree'
  WHEN 'currency_mismatch' THEN 'the currencies now agree'
  WHEN 'status_mismatch' THEN 'PayOps and Stripe now agree on its status'
  WHEN 'duplicate' THEN 'there is no second record any more'
  WHEN 'payout_total_mismatch' THEN 'the payout now adds up'
  WHEN 'payout_not_in_bank' THEN 'a bank statement line now matches the payout'
  WHEN 'bank_line_without_payout' THEN 'the bank line now matches a payout'
  ELSE 'no difference any more' END`;

/**
 * Open breaks in the window of legs the run covered that the run no longer finds resolve themselves,
 * with the reason in the note; each resolution is audited as the system's.
 */
export async function resolveBreaksNoLongerFound(db: Db, window: MatchWindow, legs: readonly Leg[]): Promise<number> {
  const { runId, from, to } = window;
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    WITH gone AS (
      SELECT b."id", b."status" FROM "reconciliation_breaks" b
       WHERE b."status" IN ('open', 'assigned')
         AND b."leg" IN (${Prisma.join([...legs])})
         AND b."occurred_at" >= ${from} AND b."occurred_at" < ${to}
         AND NOT EXISTS (SELECT 1 FROM "reconciliation_findings" f
                          WHERE f."run_id" = ${runId}::uuid AND f."fingerprint" = b."fingerprint")
       FOR UPDATE
    ), resolved AS (
      UPDATE "reconciliation_breaks" b
         SET "status" = 'resolved', "resolution" = 'matched_by_run', "resolved_at" = now(), "updated_at" = now(),
             "last_run_id" = ${runId}::uuid,
             "resolution_note" = format('Resolved by the reconciliation run of %s to %s (run %s): %s.',
                                        to_char(${from}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
                                        to_char(${to}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
                                        ${runId}::text, ${WHY_RESOLVED})
        FROM gone WHERE b."id" = gone."id"
      RETURNING b."id", gone."status" AS before_status, b."resolution_note"
    ), audited AS (
      INSERT INTO "audit_log" ("id", "actor_kind", "action", "subject_type", "subject_id", "reason", "before", "after")
      SELECT gen_random_uuid(), 'system', 'reconciliation.break_resolved', 'reconciliation_break', r."id"::text,
             r."resolution_note", jsonb_build_object('status', r.before_status),
             jsonb_build_object('status', 'resolved', 'resolution', 'matched_by_run', 'runId', ${runId}::text)
        FROM resolved r
      RETURNING 1
    )
    SELECT count(*) AS n FROM audited`;
  return Number(rows[0]?.n ?? 0);
}
