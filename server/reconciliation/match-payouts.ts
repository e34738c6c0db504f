import type { Tx } from "../db/client";
import { ACCOUNT } from "../ledger";
import type { MatchWindow } from "./match-window";

type Db = Pick<Tx, "$executeRaw">;

/**
 * Leg 2, for each automatic payout created in the window whose transactions Stripe can list
 * (`reconciliation_status` completed): the nets it carried (its own payout transaction aside) must
 * sum to its amount, and the ledger's bank-in-transit debit for it must be that amount too.
 */
export async function matchPayoutTotals(db: Db, window: MatchWindow): Promise<number> {
  const { runId, from, to, tolerances } = window;
  return db.$executeRaw`
    WITH payouts AS (
      SELECT * FROM "reconciliation_stripe_payouts"
       WHERE "run_id" = ${runId}::uuid AND "automatic" AND "reconciliation_status" = 'completed'
         AND "created_at" >= ${from} AND "created_at" < ${to}
    ), carried AS (
      SELECT "payout_id", sum("net_minor") AS net, count(*) AS transactions
        FROM "reconciliation_payout_transactions"
       WHERE "run_id" = ${runId}::uuid AND "source_id" IS DISTINCT FROM "payout_id"
       GROUP BY "payout_id"
    ), in_transit AS (
      SELECT t."stripe_object_id" AS payout_id,
             sum(CASE l."direction" WHEN 'debit' THEN l."amount_minor" ELSE -l."amount_minor" END) AS amount
        FROM "ledger_transactions" t
        JOIN "ledger_lines" l ON l."transaction_id" = t."id" AND l."account_code" = ${ACCOUNT.payoutsInTransit}
       WHERE t."kind" = 'payout_created' AND t."stripe_object_id" IN (SELECT "payout_id" FROM payouts)
         AND NOT EXISTS (SELECT 1 FROM "ledger_transactions" r WHERE r."reverses_transaction_id" = t."id")
       GROUP BY t."stripe_object_id"
    ), checks AS (
      SELECT p.*, coalesce(c.net, 0) AS carried_net, coalesce(c.transactions, 0) AS carried_count,
             i.amount AS ledger_in_transit
        FROM payouts p
        LEFT JOIN carried c ON c."payout_id" = p."payout_id"
        LEFT JOIN in_transit i ON i.payout_id = p."payout_id"
    ), findings AS (
      SELECT checks.*, 'stripe' AS side, carried_net - "amount_minor" AS difference,
             format('Payout %s is %s %s but the %s transactions it carried net %s', "payout_id", "amount_minor",
                    "currency", carried_count, carried_net) AS summary
        FROM checks WHERE abs(carried_net - "amount_minor") > ${tolerances.amountMinor}
      UNION ALL
      SELECT checks.*, 'ledger', ledger_in_transit - "amount_minor",
             format('Payout %s is %s %s but the ledger put %s in transit for it', "payout_id", "amount_minor",
                    "currency", ledger_in_transit)
        FROM checks WHERE ledger_in_transit IS NOT NULL AND ledger_in_transit <> "amount_minor"
    )
    INSERT INTO "reconciliation_findings"
      ("run_id", "fingerprint", "type", "leg", "currency", "amount_minor", "occurred_at", "stripe_reference",
       "payops_reference", "stripe_side", "payops_side", "summary")
    SELECT ${runId}::uuid, '2:payout_total_mismatch:' || "payout_id" || ':' || side, 'payout_total_mismatch', 2,
           "currency", difference, "created_at", "payout_id", NULL,
           jsonb_build_object('payout', "payout_id", 'amount', "amount_minor", 'currency', "currency",
                              'status', "status", 'arrival_date', "arrival_date", 'carried_net', carried_net,
                              'carried_transactions', carried_count),
           jsonb_build_object('ledger_in_transit', ledger_in_transit),
           summary
      FROM findings
    ON CONFLICT DO NOTHING`;
}
