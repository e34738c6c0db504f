import { Prisma, type Tx } from "@/server/db/client";
import { preparedMarker } from "@/server/db/prepared-statements";
import { defaultChartAccount } from "./chart-of-accounts";
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
  const inserted = await tx.$queryRaw<{ id: string }[]>(postingStatement(entry));
  const created = inserted[0];
  if (created) return { transactionId: created.id, idempotencyKey: entry.idempotencyKey, posted: true };
  const existing = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "ledger_transactions" WHERE "idempotency_key" = ${entry.idempotencyKey}`;
  return { transactionId: existing[0]!.id, idempotencyKey: entry.idempotencyKey, posted: false };
}

const POSTING_MARKER = Prisma.raw(preparedMarker("ledger_post_entry"));

/** The single statement that posts a validated entry; it returns the new entry's id, or no row for a duplicate. */
export function postingStatement(entry: JournalEntry): Prisma.Sql {
  const { source, lines } = entry;
  const chart = uniqueChartAccounts(lines);
  return Prisma.sql`${POSTING_MARKER}
    WITH chart AS (
      INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
      SELECT gen_random_uuid(), c.code, c.currency, c.name, c.type::"LedgerAccountType", c.normal_balance::"LedgerDirection"
        FROM unnest(${chart.map((a) => a.code)}::text[], ${chart.map((a) => a.currency)}::text[],
                    ${chart.map((a) => a.name)}::text[], ${chart.map((a) => a.type)}::text[],
                    ${chart.map((a) => a.normalBalance)}::text[]) AS c(code, currency, name, type, normal_balance)
       WHERE NOT EXISTS (SELECT 1 FROM "ledger_accounts" a WHERE a."code" = c.code AND a."currency" = c.currency)
      ON CONFLICT ("code", "currency") DO NOTHING
    ), entry AS (
      INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at",
        "stripe_balance_transaction_id", "stripe_object_id", "stripe_payment_intent_id", "stripe_event_id",
        "order_id", "staff_user_id", "reverses_transaction_id")
      VALUES (gen_random_uuid(), ${entry.idempotencyKey}, ${entry.kind}, ${entry.description}, ${entry.occurredAt},
        ${source.stripeBalanceTransactionId ?? null}, ${source.stripeObjectId ?? null},
        ${source.stripePaymentIntentId ?? null}, ${source.stripeEventId ?? null},
        ${source.orderId ?? null}::uuid, ${source.staffUserId ?? null}::uuid, ${entry.reversesTransactionId ?? null}::uuid)
      ON CONFLICT ("idempotency_key") DO NOTHING
      RETURNING "id", "occurred_at"
    ), posted_lines AS (
      INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
      SELECT entry."id", entry."occurred_at", l.code, l.currency, l.direction::"LedgerDirection", l.amount
        FROM entry CROSS JOIN unnest(${lines.map((l) => l.accountCode)}::text[], ${lines.map((l) => l.currency)}::text[],
                                     ${lines.map((l) => l.direction)}::text[],
                                     ${lines.map((l) => l.amountMinor.toString())}::bigint[]) AS l(code, currency, direction, amount)
      RETURNING 1
    )
    SELECT "id"::text AS id FROM entry`;
}

function uniqueChartAccounts(lines: JournalEntry["lines"]) {
  const byKey = new Map<
    string,
    { code: string; currency: string; name: string; type: string; normalBalance: string }
  >();
  for (const line of lines) {
    const account = defaultChartAccount(line.accountCode);
    if (account) byKey.set(`${line.accountCode}:${line.currency}`, { ...account, currency: line.currency });
  }
  return [...byKey.values()];
}
