import type pg from "pg";

export type InboxFigures = {
  events: number;
  processed: number;
  /** From the first receipt to the last processing. */
  spanSeconds: number;
  /** Events per second from the first receipt to the last processing. */
  appliedPerSecond: number;
  /** Events per second between the first and last processing (the processing rate alone). */
  processingPerSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  outcomes: Record<string, number>;
};

/** Processing as the inbox saw it: its received and processed timestamps for these events. */
export async function readInbox(client: pg.Client, eventIds: readonly string[]): Promise<InboxFigures> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS events, count(processed_at)::int AS processed,
            extract(epoch FROM max(processed_at) - min(received_at))::float AS span,
            extract(epoch FROM max(processed_at) - min(processed_at))::float AS processing_span,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at))::float AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at))::float AS p99,
            max(extract(epoch FROM processed_at - received_at))::float AS lag_max
       FROM stripe_events WHERE stripe_event_id = ANY($1::text[])`,
    [eventIds],
  );
  const outcomes = await client.query(
    `SELECT coalesce(outcome, 'waiting') AS outcome, count(*)::int AS n
       FROM stripe_events WHERE stripe_event_id = ANY($1::text[]) GROUP BY 1 ORDER BY 1`,
    [eventIds],
  );
  const row = rows[0];
  const ms = (seconds: number | null) => Math.round((seconds ?? Number.NaN) * 1000);
  return {
    events: row.events,
    processed: row.processed,
    spanSeconds: Math.round(row.span * 100) / 100,
    appliedPerSecond: Math.round(row.processed / row.span),
    processingPerSecond: Math.round(row.processed / row.processing_span),
    lagP50Ms: ms(row.p50),
    lagP99Ms: ms(row.p99),
    lagMaxMs: ms(row.lag_max),
    outcomes: Object.fromEntries(outcomes.rows.map((r) => [r.outcome, r.n])),
  };
}

/** Waits until every one of these events is processed (or dead), or throws after `timeoutMs`. */
export async function waitForProcessed(client: pg.Client, eventIds: readonly string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS waiting FROM stripe_events
        WHERE stripe_event_id = ANY($1::text[]) AND processed_at IS NULL AND dead_at IS NULL`,
      [eventIds],
    );
    if (rows[0].waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].waiting} events still unprocessed after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A fingerprint of everything processing may change: orders, payments, their history, the ledger,
 * the outbox. Equal before and after a replay means the replay changed nothing.
 */
export async function stateFingerprint(client: pg.Client): Promise<Record<string, string>> {
  const parts: Record<string, string> = {
    orders: "SELECT id, status, stripe_observed_at, updated_at FROM orders",
    payments: `SELECT id, status, amount_minor, amount_captured_minor, amount_refunded_minor, latest_charge_id,
                      authorised_at, three_d_secure, card_brand, card_last4, decline_code, updated_at FROM payments`,
    orderHistory: "SELECT id, order_id, from_status, to_status, cause FROM order_status_history",
    ledgerTransactions: "SELECT id, idempotency_key, kind, stripe_event_id FROM ledger_transactions",
    ledgerLines: "SELECT id, transaction_id, account_code, currency, direction, amount_minor FROM ledger_lines",
    outbox: "SELECT id, kind, idempotency_key FROM outbox_effects",
  };
  const fingerprint: Record<string, string> = {};
  for (const [name, sql] of Object.entries(parts)) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') AS digest FROM (${sql}) t`,
    );
    fingerprint[name] = `${rows[0].n}:${rows[0].digest}`;
  }
  return fingerprint;
}

/** Whether every journal entry sums to zero per currency, and how many capture postings there are. */
export async function ledgerCheck(client: pg.Client): Promise<{ unbalanced: number; captures: number; paid: number }> {
  const unbalanced = await client.query(
    `SELECT count(*)::int AS n FROM (
       SELECT transaction_id, currency FROM ledger_lines
        GROUP BY 1, 2 HAVING sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END) <> 0) u`,
  );
  const captures = await client.query(
    "SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'payment_captured'",
  );
  const paid = await client.query("SELECT count(*)::int AS n FROM orders WHERE status = 'paid'");
  return { unbalanced: unbalanced.rows[0].n, captures: captures.rows[0].n, paid: paid.rows[0].n };
}
