import type { PrismaClient } from "../db/client";
import type { LedgerDirection } from "../ledger";
import type { LedgerEntryForJournal } from "./journal-draft";

type Row = {
  id: string;
  idempotency_key: string;
  kind: string;
  description: string;
  occurred_at: Date;
  stripe_object_id: string | null;
  currency: string;
  lines: { accountCode: string; direction: LedgerDirection; amountMinor: string }[];
};

/** Ledger entries (one per currency) from the connection's start date that none of its journals carries yet. */
export async function loadUnjournaledEntries(
  prisma: PrismaClient,
  connection: { id: string; startDate: Date | null },
): Promise<LedgerEntryForJournal[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT t.id::text AS id, t.idempotency_key, t.kind, t.description, t.occurred_at, t.stripe_object_id, l.currency,
           json_agg(json_build_object('accountCode', l.account_code, 'direction', l.direction,
                                      'amountMinor', l.amount_minor::text) ORDER BY l.id) AS lines
      FROM ledger_transactions t
      JOIN ledger_lines l ON l.transaction_id = t.id
     WHERE (${connection.startDate}::timestamptz IS NULL OR t.occurred_at >= ${connection.startDate}::timestamptz)
       AND NOT EXISTS (SELECT 1 FROM accounting_journal_entries e
                        WHERE e.connection_id = ${connection.id}::uuid AND e.ledger_transaction_id = t.id AND e.currency = l.currency)
     GROUP BY t.id, l.currency
     ORDER BY t.occurred_at, t.idempotency_key`;
  return rows.map((row) => ({
    ledgerTransactionId: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    description: row.description,
    occurredAt: row.occurred_at,
    stripeObjectId: row.stripe_object_id,
    currency: row.currency.trim(),
    lines: row.lines.map((line) => ({ ...line, amountMinor: BigInt(line.amountMinor) })),
  }));
}
