import { Prisma, type Tx } from "../db/client";
import { preparedMarker } from "../db/prepared-statements";
import { domainAttributes, withSpan } from "../observability/tracing";
import { defaultChartAccount } from "./chart-of-accounts";
import { closedPeriodError } from "./close-period";
import { type JournalEntry, validateJournalEntry } from "./journal-entry";

export type PostingResult = {
  transactionId: string;
  idempotencyKey: string;
  /** False when an entry with this key was already posted: nothing was written this time. */
  posted: boolean;
};

/**
 * Posts one balanced journal entry inside the caller's transaction, in a single statement: the
 * default chart's accounts it needs, the entry (skipped if its idempotency key exists) and its lines.
 * The database re-checks the balance when the caller commits.
 */
export async function postEntry(tx: Tx, input: JournalEntry): Promise<PostingResult> {
  const entry = validateJournalEntry(input);
  const attributes = {
    "payops.ledger.kind": entry.kind,
    ...domainAttributes({
      orderId: entry.source.orderId,
      stripeEventId: entry.source.stripeEventId,
      paymentIntentId: entry.source.stripePaymentIntentId,
    }),
  };
  return withSpan("ledger.post_entry", attributes, async (span) => {
    const result = await insertEntry(tx, entry);
    span.setAttribute("payops.ledger.posted", result.posted);
    return result;
  });
}

async function insertEntry(tx: Tx, entry: JournalEntry): Promise<PostingResult> {
  const inserted = await tx.$queryRaw<{ id: string }[]>(postingStatement(entry)).catch((error: unknown) => {
    throw closedPeriodError(error) ?? error;
  });
  const created = inserted[0];
  if (created) return { transactionId: created.id, idempotencyKey: entry.idempotencyKey, posted: true };
  const existing = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "ledger_transactions" WHERE "idempotency_key" = ${entry.idempotencyKey}`;
  return { transactionId: existing[0]!.id, idempotencyKey: entry.idempotencyKey, posted: false };
}

const POSTING_MARKER = Prisma.raw(preparedMarker("ledger_post_entry"));

/**
 * The single statement that posts a validated entry; it returns the new entry's id, or no row for a
 * duplicate. The entry travels as one JSON document (amounts as decimal strings, never numbers), so
 * the statement text never changes and stays prepared, and each posting binds one parameter.
 */
export function postingStatement(entry: JournalEntry): Prisma.Sql {
  const { source, lines } = entry;
  const document = JSON.stringify({
    chart: uniqueChartAccounts(lines),
    entry: {
      idempotency_key: entry.idempotencyKey,
      kind: entry.kind,
      description: entry.description,
      occurred_at: entry.occurredAt.toISOString(),
      stripe_balance_transaction_id: source.stripeBalanceTransactionId ?? null,
      stripe_object_id: source.stripeObjectId ?? null,
      stripe_payment_intent_id: source.stripePaymentIntentId ?? null,
      stripe_event_id: source.stripeEventId ?? null,
      order_id: source.orderId ?? null,
      staff_user_id: source.staffUserId ?? null,
      reverses_transaction_id: entry.reversesTransactionId ?? null,
    },
    lines: lines.map((line) => ({
      code: line.accountCode,
      currency: line.currency,
      direction: line.direction,
      amount: line.amountMinor.toString(),
    })),
  });
  return Prisma.sql`${POSTING_MARKER}
    WITH input AS (SELECT ${document}::jsonb AS doc
    ), chart AS (
      INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
      SELECT gen_random_uuid(), c.code, c.currency, c.name, c.type::"LedgerAccountType", c.normal_balance::"LedgerDirection"
        FROM input CROSS JOIN jsonb_to_recordset(input.doc->'chart')
             AS c(code text, currency text, name text, type text, normal_balance text)
       WHERE NOT EXISTS (SELECT 1 FROM "ledger_accounts" a WHERE a."code" = c.code AND a."currency" = c.currency)
      ON CONFLICT ("code", "currency") DO NOTHING
    ), entry AS (
      INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at",
        "stripe_balance_transaction_id", "stripe_object_id", "stripe_payment_intent_id", "stripe_event_id",
        "order_id", "staff_user_id", "reverses_transaction_id")
      SELECT gen_random_uuid(), e.idempotency_key, e.kind, e.description, e.occurred_at,
             e.stripe_balance_transaction_id, e.stripe_object_id, e.stripe_payment_intent_id, e.stripe_event_id,
             e.order_id, e.staff_user_id, e.reverses_transaction_id
        FROM input CROSS JOIN jsonb_to_record(input.doc->'entry')
             AS e(idempotency_key text, kind text, description text, occurred_at timestamptz,
                  stripe_balance_transaction_id text, stripe_object_id text, stripe_payment_intent_id text,
                  stripe_event_id text, order_id uuid, staff_user_id uuid, reverses_transaction_id uuid)
      ON CONFLICT ("idempotency_key") DO NOTHING
      RETURNING "id", "occurred_at"
    ), posted_lines AS (
      INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
      SELECT entry."id", entry."occurred_at", l.code, l.currency, l.direction::"LedgerDirection", l.amount::bigint
        FROM entry CROSS JOIN input CROSS JOIN jsonb_to_recordset(input.doc->'lines')
             AS l(code text, currency text, direction text, amount text)
    )
    SELECT "id"::text AS id FROM entry`;
}

function uniqueChartAccounts(lines: JournalEntry["lines"]) {
  const byKey = new Map<
    string,
    { code: string; currency: string; name: string; type: string; normal_balance: string }
  >();
  for (const line of lines) {
    const account = defaultChartAccount(line.accountCode);
    if (account) {
      byKey.set(`${line.accountCode}:${line.currency}`, {
        code: account.code,
        currency: line.currency,
        name: account.name,
        type: account.type,
        normal_balance: account.normalBalance,
      });
    }
  }
  return [...byKey.values()];
}
