import { Prisma, type Tx } from "../db/client";
import type { MatchWindow } from "./match-window";
import { MATCH_CATEGORY, payopsRecords } from "./payops-records";

type Db = Pick<Tx, "$executeRaw">;

/**
 * Leg 1, PayOps ↔ Stripe, in one statement. Both sides are keyed by the Stripe source id and the
 * (folded) reporting category. A record PayOps posted from a balance transaction pairs with that
 * transaction when both file it under the same key: one hash join, which is almost every row.
 * What is left pairs by position within its key (the n-th record on one side with the n-th on the
 * other, counted after the pairs by transaction id, records the other side knows by transaction id
 * first), so a second Stripe transaction for one refund is a duplicate rather than a match. Only
 * these few rows are sorted, ranked and looked up again.
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
    ), by_transaction AS (
      -- The ledger posts a balance transaction at most once per kind, so this pairs one to one.
      SELECT s."balance_transaction_id" AS s_id, p.origin, p.payops_id, s.match_key, s.category,
             (s."currency" <> p.currency OR abs(s."amount_minor" - p.amount) > ${tolerances.amountMinor}
              OR (p.fee IS NOT NULL AND abs(s."fee_minor" - p.fee) > ${tolerances.feeMinor})) AS differs
        FROM stripe s
        JOIN payops_records p
          ON p.bt_id = s."balance_transaction_id" AND p.match_key = s.match_key AND p.category = s.category
    ), stripe_rest AS (
      SELECT s.* FROM stripe s
       WHERE NOT EXISTS (SELECT 1 FROM by_transaction b WHERE b.s_id = s."balance_transaction_id")
    ), payops_rest AS (
      SELECT p.* FROM payops_records p
       WHERE NOT EXISTS (SELECT 1 FROM by_transaction b WHERE b.origin = p.origin AND b.payops_id = p.payops_id)
    ), rest_keys AS (
      SELECT match_key, category FROM stripe_rest UNION SELECT match_key, category FROM payops_rest
    ), paired_before AS (
      SELECT b.match_key, b.category, count(*) AS n
        FROM by_transaction b JOIN rest_keys k ON k.match_key = b.match_key AND k.category = b.category
       GROUP BY b.match_key, b.category
    ), stripe_ranked AS (
      -- Of two Stripe records of one movement, the one PayOps booked (by balance transaction id) pairs first.
      SELECT s.*, coalesce(pb.n, 0) + row_number() OVER (PARTITION BY s.match_key, s.category
                                     ORDER BY (b.bt_id IS NULL), s."created_at", s."balance_transaction_id") AS rank
        FROM stripe_rest s
        LEFT JOIN paired_before pb ON pb.match_key = s.match_key AND pb.category = s.category
        LEFT JOIN (SELECT DISTINCT bt_id FROM payops_records
                    WHERE bt_id IN (SELECT "balance_transaction_id" FROM stripe_rest)) b
          ON b.bt_id = s."balance_transaction_id"
    ), payops AS (
      SELECT p.*, coalesce(pb.n, 0) + row_number() OVER (PARTITION BY p.match_key, p.category
                                     ORDER BY (s."balance_transaction_id" IS NULL), p.occurred_at, p.payops_id) AS rank
        FROM payops_rest p
        LEFT JOIN paired_before pb ON pb.match_key = p.match_key AND pb.category = p.category
        LEFT JOIN (SELECT DISTINCT "balance_transaction_id" FROM stripe
                    WHERE "balance_transaction_id" IN (SELECT bt_id FROM payops_rest)) s
          ON s."balance_transaction_id" = p.bt_id
    ), paired AS (
      SELECT s."balance_transaction_id" AS s_id, s."source_id" AS s_source, s."type" AS s_type,
             s."reporting_category" AS s_category, s.category AS s_match_category, s."amount_minor" AS s_amount,
             s."fee_minor" AS s_fee, s."net_minor" AS s_net, s."currency" AS s_currency, s."status" AS s_status,
             s."created_at" AS s_created, 1 AS s_rank, s.match_key AS s_key,
             p.origin, p.payops_id, p.source_id AS p_source, p.category AS p_category, p.bt_id AS p_bt,
             p.amount AS p_amount, p.fee AS p_fee, p.net AS p_net, p.currency AS p_currency,
             p.occurred_at AS p_occurred, p.order_id AS p_order, 1 AS p_rank, p.match_key AS p_key
        FROM by_transaction b
        JOIN stripe s ON s."balance_transaction_id" = b.s_id
        JOIN payops_records p ON p.origin = b.origin AND p.payops_id = b.payops_id
       WHERE b.differs
      UNION ALL
      SELECT s."balance_transaction_id", s."source_id", s."type",
             s."reporting_category", s.category, s."amount_minor",
             s."fee_minor", s."net_minor", s."currency", s."status",
             s."created_at", s.rank, s.match_key,
             p.origin, p.payops_id, p.source_id, p.category, p.bt_id,
             p.amount, p.fee, p.net, p.currency,
             p.occurred_at, p.order_id, p.rank, p.match_key
        FROM stripe_ranked s
        FULL JOIN payops p ON p.match_key = s.match_key AND p.category = s.category AND p.rank = s.rank
    ), unpaired_keys AS (
      SELECT s_key AS match_key FROM paired WHERE payops_id IS NULL
      UNION SELECT p_key FROM paired WHERE s_id IS NULL
    ), payops_keys AS (
      SELECT DISTINCT match_key FROM payops_records WHERE match_key IN (SELECT match_key FROM unpaired_keys)
    ), stripe_keys AS (
      SELECT DISTINCT match_key FROM stripe WHERE match_key IN (SELECT match_key FROM unpaired_keys)
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
