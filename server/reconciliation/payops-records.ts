import { Prisma } from "../db/client";
import { ACCOUNT } from "../ledger";

/** The reporting category a ledger entry kind stands for (how Stripe files the same movement). */
const CATEGORY_BY_KIND = Prisma.sql`CASE t."kind"
  WHEN 'payment_captured' THEN 'charge'
  WHEN 'refund_created' THEN 'refund'
  WHEN 'refund_failed' THEN 'refund_failure'
  WHEN 'dispute_funds_withdrawn' THEN 'dispute'
  WHEN 'dispute_funds_reinstated' THEN 'dispute_reversal'
  WHEN 'payout_created' THEN 'payout'
  WHEN 'payout_failed' THEN 'payout_reversal'
  ELSE 'other' END`;

/** Stripe's categories folded the same way: a partial-capture reversal is a refund to PayOps. */
export const MATCH_CATEGORY = Prisma.sql`CASE s."reporting_category"
  WHEN 'partial_capture_reversal' THEN 'refund'
  WHEN 'charge' THEN 'charge' WHEN 'refund' THEN 'refund' WHEN 'refund_failure' THEN 'refund_failure'
  WHEN 'dispute' THEN 'dispute' WHEN 'dispute_reversal' THEN 'dispute_reversal'
  WHEN 'payout' THEN 'payout' WHEN 'payout_reversal' THEN 'payout_reversal'
  ELSE 'other' END`;

const STRIPE_BALANCE = Prisma.join([ACCOUNT.stripePending, ACCOUNT.stripeAvailable]);
const FEES = Prisma.join([ACCOUNT.processingFees, ACCOUNT.disputeFees]);
const SIGNED = Prisma.sql`CASE l."direction" WHEN 'debit' THEN l."amount_minor" ELSE -l."amount_minor" END`;

/**
 * PayOps's own record of every movement in [from, to), one row each, in Stripe's terms
 * (source id, category, signed gross/fee/net, upper-case currency):
 * - each ledger entry posted from a balance transaction and not reversed since (figures from its lines);
 * - payments PayOps holds as captured, and refunds it holds as made or failed, that have no such
 *   entry (their fee unknown), so a payment marked paid without any Stripe money still shows.
 */
export function payopsRecords(from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'ledger'::text AS origin, t."id"::text AS payops_id, t."stripe_object_id" AS source_id,
           ${CATEGORY_BY_KIND} AS category, t."stripe_balance_transaction_id" AS bt_id,
           sum(CASE WHEN l."account_code" IN (${STRIPE_BALANCE}) THEN ${SIGNED} ELSE 0 END)
             + sum(CASE WHEN l."account_code" IN (${FEES}) THEN ${SIGNED} ELSE 0 END) AS amount,
           sum(CASE WHEN l."account_code" IN (${FEES}) THEN ${SIGNED} ELSE 0 END) AS fee,
           sum(CASE WHEN l."account_code" IN (${STRIPE_BALANCE}) THEN ${SIGNED} ELSE 0 END) AS net,
           max(l."currency")::text AS currency, t."occurred_at", t."order_id"
      FROM "ledger_transactions" t
      JOIN "ledger_lines" l ON l."transaction_id" = t."id"
     WHERE t."occurred_at" >= ${from} AND t."occurred_at" < ${to}
       AND t."stripe_balance_transaction_id" IS NOT NULL
       AND t."kind" IN ('payment_captured', 'refund_created', 'refund_failed', 'dispute_funds_withdrawn',
                        'dispute_funds_reinstated', 'payout_created', 'payout_failed', 'unclassified')
       AND NOT EXISTS (SELECT 1 FROM "ledger_transactions" r WHERE r."reverses_transaction_id" = t."id")
     GROUP BY t."id"
    UNION ALL
    SELECT 'payment', p."id"::text, coalesce(p."latest_charge_id", p."stripe_payment_intent_id"), 'charge', NULL,
           p."amount_captured_minor"::bigint, NULL::bigint, NULL::bigint, upper(p."currency"), p."created_at", p."order_id"
      FROM "payments" p
     WHERE p."amount_captured_minor" > 0 AND p."created_at" >= ${from} AND p."created_at" < ${to}
       AND NOT EXISTS (SELECT 1 FROM "ledger_transactions" t
                        WHERE t."kind" = 'payment_captured'
                          AND (t."stripe_payment_intent_id" = p."stripe_payment_intent_id"
                               OR t."stripe_object_id" = p."latest_charge_id"))
    UNION ALL
    SELECT 'refund', f."id"::text, f."stripe_refund_id",
           CASE f."status" WHEN 'failed' THEN 'refund_failure' ELSE 'refund' END, NULL,
           CASE f."status" WHEN 'failed' THEN f."amount_minor" ELSE -f."amount_minor" END::bigint,
           NULL::bigint, NULL::bigint, upper(f."currency"), f."created_at", f."order_id"
      FROM "refunds" f
     WHERE f."stripe_refund_id" IS NOT NULL AND f."status" IN ('pending', 'succeeded', 'failed')
       AND f."created_at" >= ${from} AND f."created_at" < ${to}
       AND NOT EXISTS (SELECT 1 FROM "ledger_transactions" t
                        WHERE t."stripe_object_id" = f."stripe_refund_id"
                          AND t."kind" = CASE f."status" WHEN 'failed' THEN 'refund_failed' ELSE 'refund_created' END)`;
}
