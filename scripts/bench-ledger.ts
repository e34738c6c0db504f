// Ledger benchmark on real PostgreSQL: balanced two-line postings per second through postEntry
// (uncontended: each worker on its own currency's accounts; hot: every worker on the same two
// accounts), then trial-balance and point-in-time balance timings over a journal of 1M+ lines.
// Each mode runs --rounds times, interleaved, and the summary gives the median and best round: a
// shared 2-core machine varies by a fifth from one minute to the next.
// Usage: npm run bench:ledger -- [--workers 8] [--postings 4000] [--rounds 3] [--lines 1000000]
// Uses DATABASE_URL's server (default the local one), in a database it creates and drops.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../server/db/client";
import { applyMigrations, MIGRATIONS_DIR } from "../server/db/migrate";
import { withDatabase } from "../server/db/postgres-server";
import { preparedStatementName } from "../server/db/prepared-statements";
import { accountBalances } from "../server/ledger/account-balances";
import { ACCOUNT } from "../server/ledger/chart-of-accounts";
import type { JournalEntry } from "../server/ledger/journal-entry";
import { validateJournalEntry } from "../server/ledger/journal-entry";
import { postEntry, postingStatement } from "../server/ledger/post-entry";
import { trialBalance } from "../server/ledger/trial-balance";

const { values } = parseArgs({
  options: {
    workers: { type: "string", default: "8" },
    postings: { type: "string", default: "4000" },
    rounds: { type: "string", default: "3" },
    lines: { type: "string", default: "1000000" },
    migrations: { type: "string", default: MIGRATIONS_DIR },
  },
});
const workers = Number(values.workers);
const postingsPerRun = Number(values.postings);
const rounds = Number(values.rounds);
const bulkLines = Number(values.lines);
const adminUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `ledger_bench_${randomBytes(4).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const currencyFor = (worker: number) =>
  `B${String.fromCharCode(65 + Math.floor(worker / 26))}${String.fromCharCode(65 + (worker % 26))}`;

function benchEntry(label: string, i: number, currency: string): JournalEntry {
  const amountMinor = BigInt(100 + (i % 900));
  return {
    idempotencyKey: `${label}:${i}`,
    kind: "payment_captured",
    description: "Benchmark posting",
    occurredAt: new Date(),
    source: { stripeObjectId: `ch_${label}_${i}` },
    lines: [
      { accountCode: ACCOUNT.stripePending, currency, direction: "debit", amountMinor },
      { accountCode: ACCOUNT.salesRevenue, currency, direction: "credit", amountMinor },
    ],
  };
}

type Poster = (entry: JournalEntry) => Promise<unknown>;

/** Through the ledger's API: one Prisma interactive transaction per posting, as callers use it. */
const throughPrisma =
  (prisma: PrismaClient): Poster =>
  (entry) =>
    prisma.$transaction((tx) => postEntry(tx, entry));

/** The same posting statement over node-postgres, BEGIN/COMMIT per posting: what the database sustains. */
const throughDriver =
  (pool: pg.Pool): Poster =>
  async (entry) => {
    const statement = postingStatement(validateJournalEntry(entry));
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query({
        name: preparedStatementName({ sql: statement.text }),
        text: statement.text,
        values: statement.values as unknown[],
      });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };

type CpuSample = { backends: Map<number, number>; own: number };

/** CPU seconds used so far by this process and by each database backend serving the bench database. */
async function sampleCpu(url: string): Promise<CpuSample> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    const backends = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        // /proc/<pid>/stat fields 14 and 15: user and system time in clock ticks (100 per second).
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        backends.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // A server on another machine: only this process's time is counted.
      }
    }
    const own = process.cpuUsage();
    return { backends, own: (own.user + own.system) / 1e6 };
  } finally {
    await client.end();
  }
}

/** CPU seconds spent between two samples; backends that closed in between were idle ones of the other pool. */
function cpuBetween(before: CpuSample, after: CpuSample): number {
  let seconds = after.own - before.own;
  for (const [pid, used] of after.backends) seconds += used - (before.backends.get(pid) ?? 0);
  return seconds;
}

type RunResult = { perSecond: number; cpuPerSecond: number };

async function postMany(post: Poster, label: string, currencyOf: (worker: number) => string): Promise<RunResult> {
  let next = 0;
  const cpuBefore = await sampleCpu(url);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = next++; i < postingsPerRun; i = next++) await post(benchEntry(label, i, currencyOf(worker)));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuPerPosting = cpuBetween(cpuBefore, await sampleCpu(url)) / postingsPerRun;
  const result = { perSecond: postingsPerRun / seconds, cpuPerSecond: cpus().length / cpuPerPosting };
  // On a machine shared with other work the wall-clock rate understates what the cores can do;
  // CPU time per posting (client + database backends) gives the rate the cores would sustain alone.
  console.log(
    `${label.padEnd(26)} ${postingsPerRun} postings, ${workers} connections: ${result.perSecond.toFixed(0)} postings/s` +
      ` | ${(cpuPerPosting * 1000).toFixed(2)} ms CPU each, ${result.cpuPerSecond.toFixed(0)}/s on ${cpus().length} idle cores`,
  );
  return result;
}

/** Runs every mode `rounds` times, interleaved, then prints the median and best round of each. */
async function postingRounds(modes: [string, Poster, (worker: number) => string][]) {
  const results = new Map<string, RunResult[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const [label, post, currencyOf] of modes) {
      const result = await postMany(post, `${label} #${round}`, currencyOf);
      results.set(label, [...(results.get(label) ?? []), result]);
    }
  }
  console.log(
    `\nPostings per second over ${rounds} rounds (${workers} connections, ${postingsPerRun} postings a round)`,
  );
  console.log("mode                   | median | best  | median on idle cores");
  for (const [label, runs] of results) {
    const wall = runs.map((r) => r.perSecond).sort((a, b) => a - b);
    const cpu = runs.map((r) => r.cpuPerSecond).sort((a, b) => a - b);
    const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `${label.padEnd(22)} | ${median(wall).toFixed(0).padStart(6)} | ${wall.at(-1)!.toFixed(0).padStart(5)} | ${median(cpu).toFixed(0).padStart(6)}`,
    );
  }
}

/** What Prisma's interactive transaction costs with no work in it: the ceiling of any posting through it. */
async function emptyTransactions(prisma: PrismaClient) {
  const count = 4000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next++ < count) await prisma.$transaction((tx) => tx.$queryRaw`SELECT 1`);
    }),
  );
  const perSecond = count / ((performance.now() - started) / 1000);
  console.log(`(Prisma interactive transaction with only SELECT 1: ${perSecond.toFixed(0)}/s)`);
}

async function bulkLoad(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await loadLines(client);
  } finally {
    await client.end();
  }
}

async function loadLines(client: pg.Client) {
  const entries = Math.ceil(bulkLines / 2);
  const started = performance.now();
  // Loaded by set-based SQL with triggers and foreign keys off (replica role) to keep the run short;
  // every generated entry is one debit and one credit of the same amount, so the journal balances.
  await client.query("SET session_replication_role = replica");
  await client.query(`
    INSERT INTO "ledger_accounts" ("id", "code", "currency", "name", "type", "normal_balance")
    SELECT gen_random_uuid(), a.code, c.currency, a.code, 'asset', 'debit'
      FROM unnest(ARRAY['1010','1020','1030','1040','4000','4010','6010','6020','6030','9999']) AS a(code),
           unnest(ARRAY['USD','EUR','GBP']) AS c(currency)
    ON CONFLICT DO NOTHING`);
  await client.query(
    `
    INSERT INTO "ledger_transactions" ("id", "idempotency_key", "kind", "description", "occurred_at", "stripe_object_id")
    SELECT md5('bulk' || g)::uuid, 'bulk:' || g, 'unclassified', 'Bulk', timestamptz '2025-01-01' + g * interval '30 seconds', 'ch_bulk_' || g
      FROM generate_series(1, $1::int) g`,
    [entries],
  );
  await client.query(
    `
    INSERT INTO "ledger_lines" ("transaction_id", "occurred_at", "account_code", "currency", "direction", "amount_minor")
    SELECT md5('bulk' || g)::uuid, timestamptz '2025-01-01' + g * interval '30 seconds',
           (ARRAY['1010','1020','1030','1040','4000','4010','6010','6020','6030','9999'])[1 + (g + side * (1 + g % 7)) % 10],
           (ARRAY['USD','EUR','GBP'])[1 + g % 3],
           (CASE side WHEN 0 THEN 'debit' ELSE 'credit' END)::"LedgerDirection",
           100 + (g::bigint * 7919) % 100000
      FROM generate_series(1, $1::int) g CROSS JOIN (VALUES (0), (1)) AS s(side)`,
    [entries],
  );
  await client.query("SET session_replication_role = origin");
  await client.query("VACUUM ANALYZE ledger_lines");
  await client.query("VACUUM ANALYZE ledger_transactions");
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "ledger_lines"`);
  console.log(`bulk load    ${rows[0].n} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function timed<T>(label: string, work: () => Promise<T>, runs = 5): Promise<T> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`,
  );
  return result!;
}

await admin(`CREATE DATABASE "${name}"`);
const url = withDatabase(adminUrl, name);
const prisma = createPrismaClient(url);
try {
  await applyMigrations(url, values.migrations);
  const pool = new pg.Pool({ connectionString: url, max: workers });
  const api = throughPrisma(prisma);
  const driver = throughDriver(pool);
  // Warm-up: the chart for each currency, and the pools' connections.
  await postMany(api, "warm-up", currencyFor);
  await postMany(driver, "warm-up-driver", currencyFor);
  await postingRounds([
    ["api uncontended", api, currencyFor],
    ["api hot account", api, () => "USD"],
    ["driver uncontended", driver, currencyFor],
    ["driver hot account", driver, () => "USD"],
  ]);
  await emptyTransactions(prisma);
  await pool.end();
  console.log(
    `(load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")})`,
  );

  await bulkLoad(url);
  console.log(
    `(load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")})`,
  );
  const trial = await timed("trial balance, USD, all lines", () =>
    prisma.$transaction((tx) => trialBalance(tx, { currency: "USD" })),
  );
  console.log(`  balanced: ${trial.balanced}, total debits ${trial.totalDebits}`);
  await timed("trial balance, USD, at mid-2025", () =>
    prisma.$transaction((tx) => trialBalance(tx, { currency: "USD", at: new Date("2025-06-30T00:00:00Z") })),
  );
  await timed("balances of every account in every currency", () => prisma.$transaction((tx) => accountBalances(tx)));
} finally {
  await prisma.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
