import { Prisma, type Tx } from "../db/client";
import type { MatchWindow } from "./match-window";
import { MATCH_CATEGORY, payopsRecords } from "./payops-records";

type Db = Pick<Tx, "$executeRaw">;

/**
 * Leg 1, PayOps ↔ Stripe, in one statement. Both sides are keyed by the Stripe source id and the
 * (folded) reporting category, and the n-th record of a key on one side pairs with the n-th on the
 * other (records both sides know by balance transaction id first), so a second Stripe transaction
 * for one refund is a duplicate rather than a match.
 * A pair is compared on currency, gross amount and fee (within tolerance); a record on one side only
 * is timing while younger than the timing tolerance, a status difference when the other side knows
 * the same object under another category (a refund PayOps holds as made that Stripe failed), else missing.
 */
export async function matchPayopsToStripe(db: Db, window: MatchWindow): Promise<number> {
  const { runId, from, to, asOf, tolerances } = window;
  const timing = Prisma.sql`make_interval(hours => ${tolerances.timingHours}::int)`;
  return db.$executeRaw`
    WITH stripe AS (
      SELECT s.*, ${MATCH_CATEGORY} AS category,
             coalesce(s."source_id", s."balance_transaction_id") AS match_key
        FROM "reconciliation_stripe_transactions" s
       WHERE s."run_id" = ${runId}::uuid
    ), payops_records AS (
      SELECT p.*, coalesce(p.source_id, p.bt_id, p.payops_id) AS match_key FROM (${payopsRecords(from, to)}) p
    ), stripe_ranked AS (
      -- Of two Stripe records of one movement, the one PayOps booked (by balance transaction id) pairs first.
      SELECT s.*, row_number() OVER (PARTITION BY s.match_key, s.category
                                     ORDER BY (b.bt_id IS NULL), s."created_at", s."balance_transaction_id") AS rank
        FROM stripe s
        LEFT JOIN (SELECT DISTINCT bt_id FROM payops_records WHERE bt_id IS NOT NULL) b
          ON b.bt_id = s."balance_transaction_id"
    ), payops AS (
      SELECT p.*, row_number() OVER (PARTITION BY p.match_key, p.category
                                     ORDER BY (s."balance_transaction_id" IS NULL), p.occurred_at, p.payops_id) AS rank
        FROM payops_records p
        LEFT JOIN (SELECT DISTINCT "balance_transaction_id" FROM stripe) s ON s."balance_transaction_id" = p.bt_id
    ), paired AS (
      SELECT s."balance_transaction_id" AS s_id, s."source_id" AS s_source, s."type" AS s_type,
             s."reporting_category" AS s_category, s.category AS s_match_category, s."amount_minor" AS s_amount,
             s."fee_minor" AS s_fee, s."net_minor" AS s_net, s."currency" AS s_currency, s."status" AS s_status,
             s."created_at" AS s_created, s.rank AS s_rank, s.match_key AS s_key,
             p.origin, p.payops_id, p.source_id AS p_source, p.category AS p_category, p.bt_id AS p_bt,
             p.amount AS p_amount, p.fee AS p_fee, p.net AS p_net, p.currency AS p_currency,
             p.occurred_at AS p_occurred, p.order_id AS p_order, p.rank AS p_rank, p.match_key AS p_key
        FROM stripe_ranked s
        FULL JOIN payops p ON p.match_key = s.match_key AND p.category = s.category AND p.rank = s.rank
    ), payops_keys AS (
      SELECT DISTINCT match_key FROM payops
    ), stripe_keys AS (
      SELECT DISTINCT match_key FROM stripe
    ), classified AS (
      SELECT paired.*,
        CASE
          WHEN s_id IS NOT NULL AND payops_id IS NOT NULL THEN
            CASE
              WHEN s_currency <> p_currency THEN 'currency_mismatch'
              WHEN abs(s_amount - p_amount) > ${tolerances.amountMinor} THEN 'amount_mismatch'
              WHEN p_fee IS NOT NULL AND abs(s_fee - p_fee) > ${tolerances.feeMinor} THEN 'fee_mismatch'
            END
          WHEN s_id IS NOT NULL THEN
            CASE
              WHEN s_rank > 1 THEN 'duplicate'
              WHEN pk.match_key IS NOT NULL THEN 'status_mismatch'
              WHEN s_created > ${asOf}::timestamptz - ${timing} THEN 'timing'
              ELSE 'missing_in_payops'
            END
          ELSE
            CASE
              WHEN p_rank > 1 THEN 'duplicate'
              WHEN sk.match_key IS NOT NULL THEN 'status_mismatch'
              WHEN p_occurred > ${asOf}::timestamptz - ${timing} THEN 'timing'
              ELSE 'missing_at_stripe'
            END
        END AS finding
      FROM paired
      LEFT JOIN payops_keys pk ON paired.payops_id IS NULL AND pk.match_key = paired.s_key
      LEFT JOIN stripe_keys sk ON paired.s_id IS NULL AND sk.match_key = paired.p_key
    )
    INSERT INTO "reconciliation_findings"
      ("run_id", "fingerprint", "type", "leg", "currency", "amount_minor", "occurred_at", "stripe_reference",
       "payops_reference", "stripe_side", "payops_side", "summary")
    SELECT ${runId}::uuid,
           '1:' || finding || ':' || coalesce(s_id, origin || ':' || payops_id),
           finding, 1, coalesce(s_currency, p_currency),
           CASE finding
             WHEN 'amount_mismatch' THEN s_amount - p_amount
             WHEN 'fee_mismatch' THEN s_fee - p_fee
             ELSE coalesce(s_amount, p_amount)
           END,
           coalesce(s_created, p_occurred),
           coalesce(s_id, p_source),
           CASE WHEN payops_id IS NULL THEN NULL ELSE origin || ':' || payops_id END,
           CASE WHEN s_id IS NULL THEN NULL ELSE jsonb_build_object(
             'balance_transaction', s_id, 'source', s_source, 'type', s_type, 'reporting_category', s_category,
             'amount', s_amount, 'fee', s_fee, 'net', s_net, 'currency', s_currency, 'status', s_status,
             'created', s_created) END,
           CASE WHEN payops_id IS NULL THEN NULL ELSE jsonb_build_object(
             'record', origin, 'id', payops_id, 'source', p_source, 'reporting_category', p_category,
             'balance_transaction', p_bt, 'amount', p_amount, 'fee', p_fee, 'net', p_net, 'currency', p_currency,
             'order_id', p_order, 'occurred_at', p_occurred) END,
           CASE finding
             WHEN 'currency_mismatch' THEN format('Stripe settled %s in %s; PayOps recorded %s', coalesce(s_source, s_id), s_currency, p_currency)
             WHEN 'amount_mismatch' THEN format('Stripe''s amount for %s is %s %s; PayOps recorded %s', coalesce(s_source, s_id), s_amount, s_currency, p_amount)
             WHEN 'fee_mismatch' THEN format('Stripe''s fee for %s is %s %s; PayOps recorded %s', coalesce(s_source, s_id), s_fee, s_currency, p_fee)
             WHEN 'duplicate' THEN format('A second %s for %s (%s %s)', coalesce(s_match_category, p_category), coalesce(s_source, p_source), coalesce(s_amount, p_amount), coalesce(s_currency, p_currency))
             WHEN 'status_mismatch' THEN CASE WHEN s_id IS NOT NULL
               THEN format('Stripe has a %s for %s that PayOps does not show', s_match_category, s_source)
               ELSE format('PayOps shows a %s for %s that Stripe does not', p_category, p_source) END
             WHEN 'missing_in_payops' THEN format('Stripe has a %s of %s %s (%s) that PayOps has no record of', s_match_category, s_amount, s_currency, coalesce(s_source, s_id))
             WHEN 'missing_at_stripe' THEN format('PayOps has a %s of %s %s (%s) that Stripe has no transaction for', p_category, p_amount, p_currency, coalesce(p_source, payops_id))
             ELSE format('%s %s for %s is on its way (within the timing tolerance)', coalesce(s_match_category, p_category), coalesce(s_amount, p_amount), coalesce(s_source, p_source))
           END
      FROM classified
     WHERE finding IS NOT NULL
    ON CONFLICT DO NOTHING`;
}
