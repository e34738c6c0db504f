import type { Tx } from "../db/client";
import type { StagedBalanceTransaction, StagedPayout, StagedPayoutTransaction } from "./staged-rows";

type Db = Pick<Tx, "$executeRaw">;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * One multi-row insert per batch: each column travels as one array parameter and `unnest` turns
 * them back into rows, so a batch of thousands costs one round trip and one statement.
 */
export async function stageBalanceTransactions(db: Db, runId: string, rows: StagedBalanceTransaction[]) {
  if (rows.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO "reconciliation_stripe_transactions"
      ("run_id", "balance_transaction_id", "source_id", "type", "reporting_category", "amount_minor", "fee_minor",
       "net_minor", "currency", "status", "created_at", "available_on")
    SELECT ${runId}::uuid, r.* FROM unnest(
      ${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.sourceId)}::text[], ${rows.map((r) => r.type)}::text[],
      ${rows.map((r) => r.reportingCategory)}::text[], ${rows.map((r) => String(r.amount))}::bigint[],
      ${rows.map((r) => String(r.fee))}::bigint[], ${rows.map((r) => String(r.net))}::bigint[],
      ${rows.map((r) => r.currency.toUpperCase())}::text[], ${rows.map((r) => r.status)}::text[],
      ${rows.map((r) => iso(r.created))}::timestamptz[], ${rows.map((r) => iso(r.availableOn))}::timestamptz[]
    ) AS r
    ON CONFLICT DO NOTHING`;
}

export async function stagePayouts(db: Db, runId: string, rows: StagedPayout[]) {
  if (rows.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO "reconciliation_stripe_payouts"
      ("run_id", "payout_id", "amount_minor", "currency", "status", "automatic", "reconciliation_status",
       "arrival_date", "trace_id", "statement_descriptor", "created_at")
    SELECT ${runId}::uuid, r.* FROM unnest(
      ${rows.map((r) => r.id)}::text[], ${rows.map((r) => String(r.amount))}::bigint[],
      ${rows.map((r) => r.currency.toUpperCase())}::text[], ${rows.map((r) => r.status)}::text[],
      ${rows.map((r) => r.automatic)}::boolean[], ${rows.map((r) => r.reconciliationStatus)}::text[],
      ${rows.map((r) => iso(r.arrivalDate))}::timestamptz[], ${rows.map((r) => r.traceId)}::text[],
      ${rows.map((r) => r.statementDescriptor)}::text[], ${rows.map((r) => iso(r.created))}::timestamptz[]
    ) AS r
    ON CONFLICT DO NOTHING`;
}

export async function stagePayoutTransactions(db: Db, runId: string, rows: StagedPayoutTransaction[]) {
  if (rows.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO "reconciliation_payout_transactions"
      ("run_id", "payout_id", "balance_transaction_id", "source_id", "type", "net_minor", "currency")
    SELECT ${runId}::uuid, r.* FROM unnest(
      ${rows.map((r) => r.payoutId)}::text[], ${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.sourceId)}::text[],
      ${rows.map((r) => r.type)}::text[], ${rows.map((r) => String(r.net))}::bigint[],
      ${rows.map((r) => r.currency.toUpperCase())}::text[]
    ) AS r
    ON CONFLICT DO NOTHING`;
}

/** Staging rows are only needed while a run matches; its findings and counts stay. */
export async function dropStagedRows(db: Db, runId: string) {
  await db.$executeRaw`DELETE FROM "reconciliation_stripe_transactions" WHERE "run_id" = ${runId}::uuid`;
  await db.$executeRaw`DELETE FROM "reconciliation_stripe_payouts" WHERE "run_id" = ${runId}::uuid`;
  await db.$executeRaw`DELETE FROM "reconciliation_payout_transactions" WHERE "run_id" = ${runId}::uuid`;
}
