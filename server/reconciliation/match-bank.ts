import { Prisma, type Tx } from "../db/client";
import type { MatchWindow } from "./match-window";

type Db = Pick<Tx, "$executeRaw">;

/**
 * Leg 3, paid payouts ↔ bank statement lines: first by reference (the payout id or its trace id in
 * the line's text, same amount and currency), then the rest by amount and currency, the n-th payout
 * of an amount with the n-th line of it in date order, within the bank-date tolerance. A payout left
 * over is timing until its arrival date is older than the tolerance; a bank line left over is a break.
 */
export async function matchPayoutsToBank(db: Db, window: MatchWindow): Promise<number> {
  const { runId, from, to, asOf, tolerances } = window;
  const days = tolerances.bankDateDays;
  const slack = Prisma.sql`make_interval(days => ${days}::int)`;
  return db.$executeRaw`
    WITH p AS (
      SELECT "payout_id", "amount_minor", "currency", "trace_id", "arrival_date",
             ("arrival_date" AT TIME ZONE 'UTC')::date AS arrival
        FROM "reconciliation_stripe_payouts"
       WHERE "run_id" = ${runId}::uuid AND "status" = 'paid'
         AND "arrival_date" >= ${from}::timestamptz - ${slack} AND "arrival_date" < ${to}
    ), b AS (
      SELECT "id", "amount_minor", "currency", "booking_date", "reference", "description",
             coalesce("reference", '') || ' ' || coalesce("description", '') AS text
        FROM "bank_statement_lines"
       WHERE "booking_date" >= (${from}::timestamptz AT TIME ZONE 'UTC')::date - ${days}::int
         AND "booking_date" < (${to}::timestamptz AT TIME ZONE 'UTC')::date + ${days}::int
    ), by_reference AS (
      SELECT DISTINCT ON (p."payout_id") p."payout_id", b."id" AS line_id
        FROM p JOIN b ON b."currency" = p."currency" AND b."amount_minor" = p."amount_minor"
         AND (strpos(b.text, p."payout_id") > 0 OR (p."trace_id" IS NOT NULL AND strpos(b.text, p."trace_id") > 0))
       ORDER BY p."payout_id", abs(b."booking_date" - p.arrival)
    ), p_rest AS (
      SELECT p.*, row_number() OVER (PARTITION BY "currency", "amount_minor" ORDER BY arrival, "payout_id") AS rn
        FROM p WHERE "payout_id" NOT IN (SELECT "payout_id" FROM by_reference)
    ), b_rest AS (
      SELECT b.*, row_number() OVER (PARTITION BY "currency", "amount_minor" ORDER BY "booking_date", "id") AS rn
        FROM b WHERE "id" NOT IN (SELECT line_id FROM by_reference)
    ), by_amount AS (
      SELECT p_rest."payout_id", b_rest."id" AS line_id
        FROM p_rest JOIN b_rest USING ("currency", "amount_minor", rn)
       WHERE abs(b_rest."booking_date" - p_rest.arrival) <= ${days}::int
    ), matched AS (
      SELECT * FROM by_reference UNION ALL SELECT * FROM by_amount
    ), unmatched_payouts AS (
      SELECT p.*, CASE WHEN p."arrival_date" > ${asOf}::timestamptz - ${slack} THEN 'timing' ELSE 'payout_not_in_bank' END AS finding
        FROM p WHERE p."arrival_date" >= ${from} AND "payout_id" NOT IN (SELECT "payout_id" FROM matched)
    ), unmatched_lines AS (
      SELECT b.* FROM b
       WHERE b."booking_date" >= (${from}::timestamptz AT TIME ZONE 'UTC')::date
         AND b."booking_date" < (${to}::timestamptz AT TIME ZONE 'UTC')::date
         AND "id" NOT IN (SELECT line_id FROM matched)
    )
    INSERT INTO "reconciliation_findings"
      ("run_id", "fingerprint", "type", "leg", "currency", "amount_minor", "occurred_at", "stripe_reference",
       "bank_line_id", "stripe_side", "bank_side", "summary")
    SELECT ${runId}::uuid, '3:' || finding || ':' || "payout_id", finding, 3, "currency", "amount_minor", "arrival_date",
           "payout_id", NULL,
           jsonb_build_object('payout', "payout_id", 'amount', "amount_minor", 'currency', "currency",
                              'arrival_date', "arrival_date", 'trace_id', "trace_id"),
           NULL,
           CASE finding WHEN 'timing'
             THEN format('Payout %s of %s %s arrived %s; the bank may not have booked it yet', "payout_id", "amount_minor", "currency", arrival)
             ELSE format('Payout %s of %s %s (arrival %s) is on no bank statement line', "payout_id", "amount_minor", "currency", arrival) END
      FROM unmatched_payouts
    UNION ALL
    SELECT ${runId}::uuid, '3:bank_line_without_payout:' || "id"::text, 'bank_line_without_payout', 3, "currency",
           "amount_minor", "booking_date"::timestamp AT TIME ZONE 'UTC', NULL, "id", NULL,
           jsonb_build_object('bank_line', "id", 'amount', "amount_minor", 'currency', "currency",
                              'booking_date', "booking_date", 'reference', "reference", 'description', "description"),
           format('Bank line of %s %s on %s (%s) matches no Stripe payout', "amount_minor", "currency", "booking_date",
                  coalesce("reference", "description", 'no reference'))
      FROM unmatched_lines
    ON CONFLICT DO NOTHING`;
}
