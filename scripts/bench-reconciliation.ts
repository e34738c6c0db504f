// Reconciliation benchmark: N balance transactions in the Stripe sandbox (charges, with PayOps's
// ledger entry for each), reconciled end to end through the Reporting API path (report run, file
// streamed, staged in batches, matched in SQL); then the matching stage alone over M staged rows.
// Prints rows per second for the whole run and for the matching stage, and the process's peak
// memory, sampled every 20 ms (the in-process sandbox's own state included).
// Usage: npm run bench:reconciliation -- [--transactions 100000] [--matching-rows 1000000]
// Uses DATABASE_URL's server (default the local one), in a database it creates and drops.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import Stripe from "stripe";
import { createPrismaClient } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { withDatabase } from "../server/db/postgres-server";
import { matchPayopsToStripe } from "../server/reconciliation/match-payops-stripe";
import { analyzeStagedRows, prepareMatchingTransaction } from "../server/reconciliation/matching-transaction";
import { runReconciliation } from "../server/reconciliation/run-reconciliation";
import { stripeReportSide } from "../server/reconciliation/stripe-report-side";
import { reconciliationTolerances } from "../server/reconciliation/tolerances";
import { startSandbox } from "../server/stripe-sandbox/index";
import { cardFee, createBalanceTransaction } from "../server/stripe-sandbox/resources/balance-transactions";

const { values } = parseArgs({
  options: {
    transactions: { type: "string", default: "100000" },
    "matching-rows": { type: "string", default: "1000000" },
  },
});
const transactions = Number(values.transactions);
const matchingRows = Number(values["matching-rows"]);
const adminUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `reconciliation_bench_${randomBytes(4).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Samples resident and heap memory while `work` runs; returns its result, the peaks and the start. */
async function measured<T>(work: () => Promise<T>) {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: performance.now() - started,
      baseRssMb: mb(base.rss),
      peakRssMb: mb(rss),
      baseHeapMb: mb(base.heapUsed),
      peakHeapMb: mb(heap),
    };
  } finally {
    clearInterval(timer);
  }
}

/** PayOps's ledger entries for the charges, written set-based (the postings' own lines, 5,000 a statement). */
async function ledgerFor(
  client: pg.Client,
  rows: { id: string; source: string; amount: number; fee: number; created: number }[],
) {
  await client.query(`
    INSERT INTO ledger_accounts (id, code, currency, name, type, normal_balance) VALUES
      (gen_random_uuid(), '1010', 'USD', 'Stripe balance — pending', 'asset', 'debit'),
      (gen_random_uuid(), '6010', 'USD', 'Stripe processing fees', 'expense', 'debit'),
      (gen_random_uuid(), '4000', 'USD', 'Sales revenue', 'revenue', 'credit')
    ON CONFLICT DO NOTHING`);
  for (let start = 0; start < rows.length; start += 5000) {
    const batch = rows.slice(start, start + 5000);
    await client.query("BEGIN");
    await client.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[])
           AS r(bt, source, amount, fee, created)
       ), entries AS (
         INSERT INTO ledger_transactions (id, idempotency_key, kind, description, occurred_at,
                                          stripe_balance_transaction_id, stripe_object_id)
         SELECT gen_random_uuid(), bt || ':captured', 'payment_captured', 'Payment captured: ' || source, created, bt, source
           FROM input
         RETURNING id, occurred_at, stripe_balance_transaction_id
       )
       INSERT INTO ledger_lines (transaction_id, occurred_at, account_code, currency, direction, amount_minor)
       SELECT e.id, e.occurred_at, l.code, 'USD', l.direction::"LedgerDirection", l.amount
         FROM entries e JOIN input i ON i.bt = e.stripe_balance_transaction_id
        CROSS JOIN LATERAL (VALUES ('1010', 'debit', i.amount - i.fee), ('6010', 'debit', i.fee),
                                   ('4000', 'credit', i.amount)) AS l(code, direction, amount)`,
      [
        batch.map((r) => r.id),
        batch.map((r) => r.source),
        batch.map((r) => r.amount),
        batch.map((r) => r.fee),
        batch.map((r) => new Date(r.created * 1000).toISOString()),
      ],
    );
    await client.query("COMMIT");
  }
}

await admin(`CREATE DATABASE "${name}"`);
const url = withDatabase(adminUrl, name);
const sandbox = await startSandbox({ port: 0, config: { payouts: { automatic: false } } });
const prisma = createPrismaClient(url);
const client = new pg.Client({ connectionString: url });
try {
  await applyMigrations(url);
  await client.connect();
  const sb = sandbox.runtime.sb;
  const from = sb.now() - 60;
  const made: { id: string; source: string; amount: number; fee: number; created: number }[] = [];
  for (let n = 0; n < transactions; n++) {
    const amount = 500 + ((n * 104_729) % 49_500);
    const bt = createBalanceTransaction(sb, {
      amount,
      currency: "usd",
      type: "charge",
      reportingCategory: "charge",
      source: `ch_bench${n.toString(36).padStart(8, "0")}`,
      description: null,
      fee: { amount: cardFee(sb.config.pricing, amount), description: "Stripe processing fees" },
    });
    made.push({ id: bt.id, source: bt.source as string, amount, fee: bt.fee, created: bt.created });
  }
  await ledgerFor(client, made);
  made.length = 0;
  const to = sb.now() + 60;
  const stripe = new Stripe("sk_test_bench", { host: "127.0.0.1", port: sandbox.port, protocol: "http" });
  console.log(
    `Machine: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (shared with other work)`,
  );

  const endToEnd = await measured(() =>
    runReconciliation(
      { prisma, stripeSide: stripeReportSide(stripe, { secretKey: "sk_test_bench", pollMs: 50 }) },
      { from: new Date(from * 1000), to: new Date(to * 1000), trigger: "command", batchSize: 5000 },
    ),
  );
  const summary = endToEnd.result;
  const rows = summary.rowsRead.balanceTransactions;
  console.log(
    `Reporting API path, end to end: ${rows.toLocaleString("en-US")} balance transactions in ${(endToEnd.ms / 1000).toFixed(2)} s` +
      ` = ${Math.round(rows / (endToEnd.ms / 1000)).toLocaleString("en-US")} rows/s; breaks ${JSON.stringify(summary.breaks)}`,
  );
  console.log(
    `  reading (report run, file streamed, staged in batches): ${summary.readingMs} ms; matching stage: ${summary.matchingMs} ms` +
      ` = ${Math.round(rows / ((summary.matchingMs ?? 1) / 1000)).toLocaleString("en-US")} rows/s`,
  );
  console.log(
    `  memory: RSS ${endToEnd.baseRssMb} MB before, peak ${endToEnd.peakRssMb} MB; heap ${endToEnd.baseHeapMb} → peak ${endToEnd.peakHeapMb} MB`,
  );

  if (matchingRows > 0) {
    // The matching stage alone over M staged rows: Stripe's side generated into staging, PayOps's
    // side in the ledger, then leg 1 timed; memory should not move, since the rows never leave PostgreSQL.
    const runId = (
      await prisma.reconciliationRun.create({
        data: {
          windowFrom: new Date(from * 1000),
          windowTo: new Date(to * 1000),
          asOf: new Date(),
          source: "report",
          trigger: "command",
        },
      })
    ).id;
    const extra = Math.max(0, matchingRows - transactions);
    if (extra > 0) {
      const rowsForLedger = Array.from({ length: extra }, (_, n) => ({
        id: `txn_m${n.toString(36).padStart(10, "0")}`,
        source: `ch_m${n.toString(36).padStart(10, "0")}`,
        amount: 500 + ((n * 7919) % 49_500),
        fee: 0,
        created: from + 1 + (n % 3600),
      })).map((row) => ({ ...row, fee: Math.floor((row.amount * 290 + 5000) / 10_000) + 30 }));
      await ledgerFor(client, rowsForLedger);
    }
    await client.query(
      `INSERT INTO reconciliation_stripe_transactions (run_id, balance_transaction_id, source_id, type, reporting_category,
         amount_minor, fee_minor, net_minor, currency, status, created_at, available_on)
       SELECT $1::uuid, t.stripe_balance_transaction_id, t.stripe_object_id, 'charge', 'charge',
              sum(CASE WHEN l.account_code = '4000' THEN l.amount_minor ELSE 0 END),
              sum(CASE WHEN l.account_code = '6010' THEN l.amount_minor ELSE 0 END),
              sum(CASE WHEN l.account_code = '1010' THEN l.amount_minor ELSE 0 END), 'USD', 'available', t.occurred_at, t.occurred_at
         FROM ledger_transactions t JOIN ledger_lines l ON l.transaction_id = t.id
        WHERE t.kind = 'payment_captured' GROUP BY t.id`,
      [runId],
    );
    await analyzeStagedRows(prisma);
    const staged = Number(
      (await client.query("SELECT count(*) FROM reconciliation_stripe_transactions WHERE run_id = $1", [runId])).rows[0]
        .count,
    );
    const matching = await measured(() =>
      prisma.$transaction(
        async (tx) => {
          await prepareMatchingTransaction(tx);
          return matchPayopsToStripe(tx, {
            runId,
            from: new Date(from * 1000),
            to: new Date((to + 3600) * 1000),
            asOf: new Date((to + 7 * 86_400) * 1000),
            tolerances: reconciliationTolerances(),
          });
        },
        { timeout: 30 * 60_000 },
      ),
    );
    console.log(
      `Matching stage alone: ${staged.toLocaleString("en-US")} staged rows against as many ledger entries in ${(matching.ms / 1000).toFixed(2)} s` +
        ` = ${Math.round(staged / (matching.ms / 1000)).toLocaleString("en-US")} rows/s; findings ${matching.result}` +
        `; memory: RSS ${matching.baseRssMb} → peak ${matching.peakRssMb} MB, heap ${matching.baseHeapMb} → peak ${matching.peakHeapMb} MB`,
    );
  }
} finally {
  await client.end().catch(() => {});
  await prisma.$disconnect();
  await sandbox.stop();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
