import type { Tx } from "../db/client";
import { DEFAULT_CHART } from "../ledger/chart-of-accounts";
import { seedOrderEvents } from "./seed-order-events";

// Stripe-like fees in the payment's minor units: 2.9% + 30 (3.6% for yen, which have no cents),
// and a dispute fee of 15.00 (2,000 yen).
const PROCESSING_FEE = `CASE WHEN s.currency = 'JPY' THEN floor(s.captured * 0.036) ELSE floor(s.captured * 0.029) + 30 END`;
const DISPUTE_FEE = `CASE WHEN s.currency = 'JPY' THEN 2000 ELSE 1500 END`;

/**
 * The money behind the seeded orders in the temporary table `seed_orders`: refund rows (and their
 * audit entries) for the refunded ones, dispute rows for the disputed ones, and the journal entries
 * Stripe's balance transactions would have posted (capture, funds available two days later,
 * refunds, dispute withdrawals and reinstatements), each balanced, all in set-based statements.
 * Nothing is dated after now: a capture younger than two days stays pending, as it would at
 * Stripe. The Stripe events behind it all land in the inbox too (seed-order-events.ts).
 */
export async function seedOrderMoney(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
    SELECT gen_random_uuid(), c.code, cur.currency, c.name, c.type::"LedgerAccountType", c.normal_balance::"LedgerDirection"
      FROM unnest(${DEFAULT_CHART.map((a) => a.code)}::text[], ${DEFAULT_CHART.map((a) => a.name)}::text[],
                  ${DEFAULT_CHART.map((a) => a.type)}::text[], ${DEFAULT_CHART.map((a) => a.normalBalance)}::text[])
             AS c(code, name, type, normal_balance)
     CROSS JOIN (SELECT DISTINCT currency FROM seed_orders) cur
    ON CONFLICT ("code", "currency") DO NOTHING`;
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE seed_money ON COMMIT DROP AS
    SELECT s.*, ${PROCESSING_FEE}::bigint AS fee, ${DISPUTE_FEE}::bigint AS dispute_fee,
           least(now(), s.created_at + random() * interval '5 days') AS refunded_at,
           least(now(), s.created_at + interval '3 days' + random() * interval '20 days') AS disputed_at,
           (ARRAY['needs_response', 'under_review', 'won', 'lost'])[1 + floor(random() * 4)::int] AS dispute_status
      FROM (SELECT o.*, floor(o.unit_minor * o.quantity * o.captured_share)::bigint AS captured,
                   floor(o.unit_minor * o.quantity * o.refunded_share)::bigint AS refunded,
                   replace(o.id::text, '-', '') AS ref
              FROM seed_orders o) s`);
  await tx.$executeRawUnsafe(`
    INSERT INTO refunds (id, order_id, payment_id, status, currency, amount_minor, reason_code, source,
                         stripe_refund_id, created_at, updated_at)
    SELECT gen_random_uuid(), id, payment_id, 'succeeded', currency, refunded, 'requested_by_customer',
           CASE WHEN n % 3 = 0 THEN 'stripe_dashboard' ELSE 'staff' END, 're_seed_' || ref, refunded_at, refunded_at
      FROM seed_money WHERE refunded > 0`);
  await tx.$executeRawUnsafe(`
    INSERT INTO audit_log (id, actor_kind, action, subject_type, subject_id, amount_minor, currency, reason, created_at)
    SELECT gen_random_uuid(), source, 'refund.requested', 'refund', r.id::text, r.amount_minor, r.currency,
           'requested_by_customer', r.created_at
      FROM refunds r JOIN seed_money m ON m.payment_id = r.payment_id`);
  await tx.$executeRawUnsafe(`
    INSERT INTO disputes (id, stripe_dispute_id, stripe_charge_id, order_id, payment_id, status, reason, currency,
                          amount_minor, evidence_due_by, closed_at, stripe_observed_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'dp_seed_' || ref, 'ch_seed_' || ref, id, payment_id, dispute_status, 'fraudulent',
           currency, captured, disputed_at + interval '7 days',
           CASE WHEN dispute_status IN ('won', 'lost') THEN disputed_at + interval '10 days' END,
           disputed_at, disputed_at, disputed_at
      FROM seed_money WHERE status = 'disputed' AND captured > 0`);
  // One row per journal entry: its kind, date, gross and fee; the lines follow from the kind.
  await tx.$executeRawUnsafe(`
    CREATE TEMP TABLE seed_entries ON COMMIT DROP AS
    SELECT gen_random_uuid() AS entry_id, e.* FROM (
      SELECT id AS order_id, ref, currency, 'payment_captured' AS kind, 'captured' AS suffix, 'ch_seed_' AS object_prefix,
             created_at AS occurred_at, captured AS gross, fee
        FROM seed_money WHERE captured > 0
      UNION ALL
      SELECT id, ref, currency, 'balance_available', 'available', 'ch_seed_', created_at + interval '2 days', captured, fee
        FROM seed_money WHERE captured > 0 AND created_at + interval '2 days' <= now()
      UNION ALL
      SELECT id, ref, currency, 'refund_created', 'refund', 're_seed_', refunded_at, refunded, 0
        FROM seed_money WHERE refunded > 0
      UNION ALL
      SELECT id, ref, currency, 'dispute_funds_withdrawn', 'dispute_withdrawn', 'dp_seed_', disputed_at, captured, dispute_fee
        FROM seed_money WHERE status = 'disputed' AND captured > 0
      UNION ALL
      SELECT id, ref, currency, 'dispute_funds_reinstated', 'dispute_reinstated', 'dp_seed_',
             disputed_at + interval '10 days', captured, 0
        FROM seed_money
       WHERE status = 'disputed' AND captured > 0 AND dispute_status = 'won' AND disputed_at + interval '10 days' <= now()
    ) e`);
  await tx.$executeRawUnsafe(`
    INSERT INTO ledger_transactions (id, idempotency_key, kind, description, occurred_at, stripe_balance_transaction_id,
                                     stripe_object_id, stripe_payment_intent_id, order_id)
    SELECT entry_id, 'txn_seed_' || suffix || '_' || ref || ':' || suffix, kind, 'Seeded ' || replace(kind, '_', ' '),
           occurred_at, 'txn_seed_' || suffix || '_' || ref, object_prefix || ref, 'pi_seed_' || ref, order_id
      FROM seed_entries`);
  await tx.$executeRawUnsafe(`
    INSERT INTO ledger_lines (transaction_id, occurred_at, account_code, currency, direction, amount_minor)
    SELECT e.entry_id, e.occurred_at, l.code, e.currency, l.direction::"LedgerDirection", l.amount
      FROM seed_entries e
     CROSS JOIN LATERAL (VALUES
       ('payment_captured', '1010', 'debit', e.gross - e.fee),
       ('payment_captured', '6010', 'debit', e.fee),
       ('payment_captured', '4000', 'credit', e.gross),
       ('balance_available', '1020', 'debit', e.gross - e.fee),
       ('balance_available', '1010', 'credit', e.gross - e.fee),
       ('refund_created', '4010', 'debit', e.gross),
       ('refund_created', '1020', 'credit', e.gross),
       ('dispute_funds_withdrawn', '6020', 'debit', e.gross),
       ('dispute_funds_withdrawn', '6030', 'debit', e.fee),
       ('dispute_funds_withdrawn', '1020', 'credit', e.gross + e.fee),
       ('dispute_funds_reinstated', '1020', 'debit', e.gross),
       ('dispute_funds_reinstated', '6020', 'credit', e.gross)
     ) AS l(kind, code, direction, amount)
     WHERE l.kind = e.kind AND l.amount > 0`);
  await seedOrderEvents(tx);
}
