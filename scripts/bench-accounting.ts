// Accounting sync benchmark: npm run bench:accounting -- [--qbo-journals 500] [--xero-journals 90] [--orders-per-day 1000]
// 1. Journals built per second for a year of a store with 1,000 orders a day, per-transaction mode
//    (building, mapping to the target's accounts, deriving the keys and the QuickBooks payload; in memory).
// 2. The wall time of full syncs (ledger → journals → outbox → vendor) against the local QuickBooks
//    and Xero servers at their documented limits (500/min and 60/min), against the least those limits
//    allow, and what a year at that rate would take.
// Uses DATABASE_URL's server (default the local one), in a database it creates and drops.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import type Stripe from "stripe";
import { buildJournals } from "../server/accounting/build-journals";
import { createConnection } from "../server/accounting/create-connection";
import { exactJson } from "../server/accounting/exact-json";
import type { LedgerEntryForJournal } from "../server/accounting/journal-draft";
import { journalReference } from "../server/accounting/journal-reference";
import { mapJournalAccounts } from "../server/accounting/map-journal-accounts";
import { quickBooksAdapter } from "../server/accounting/quickbooks-adapter";
import { outgoingLines, storeLines } from "../server/accounting/stored-journal-lines";
import { syncConnection } from "../server/accounting/sync-connection";
import { startQuickBooksTestServer } from "../server/accounting/testing/quickbooks-test-server";
import { quickBooksChart, testDeps, xeroChart } from "../server/accounting/testing/sync-test-setup";
import { startXeroTestServer } from "../server/accounting/testing/xero-test-server";
import { createPrismaClient } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { withDatabase } from "../server/db/postgres-server";
import { ACCOUNT, DEFAULT_CHART, postPaymentCaptured } from "../server/ledger";
import { chargeBalanceTransaction, orderId } from "../server/ledger/testing/test-fixtures";

const { values } = parseArgs({
  options: {
    "qbo-journals": { type: "string", default: "500" },
    "xero-journals": { type: "string", default: "90" },
    "orders-per-day": { type: "string", default: "1000" },
  },
});
const name = (code: string) => DEFAULT_CHART.find((a) => a.code === code)?.name ?? code;

function yearOfEntries(ordersPerDay: number): LedgerEntryForJournal[] {
  const entries: LedgerEntryForJournal[] = [];
  const start = Date.UTC(2025, 0, 1);
  let n = 0;
  const push = (
    kind: string,
    at: number,
    lines: [string, "debit" | "credit", number][],
    stripeObjectId: string | null = null,
  ) => {
    n += 1;
    entries.push({
      ledgerTransactionId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
      idempotencyKey: `txn_${n}:${kind}`,
      kind,
      description: `${kind} ${n}`,
      occurredAt: new Date(at),
      stripeObjectId,
      currency: "USD",
      lines: lines.map(([accountCode, direction, amount]) => ({ accountCode, direction, amountMinor: BigInt(amount) })),
    });
  };
  for (let day = 0; day < 365; day += 1) {
    let net = 0;
    for (let i = 0; i < ordersPerDay; i += 1) {
      const at = start + day * 86_400_000 + i * 60_000;
      const gross = 1_000 + ((i * 7919) % 20_000);
      const fee = Math.round(gross * 0.029) + 30;
      push("payment_captured", at, [
        [ACCOUNT.stripePending, "debit", gross - fee],
        [ACCOUNT.processingFees, "debit", fee],
        [ACCOUNT.salesRevenue, "credit", gross],
      ]);
      push("balance_available", at + 2 * 86_400_000, [
        [ACCOUNT.stripeAvailable, "debit", gross - fee],
        [ACCOUNT.stripePending, "credit", gross - fee],
      ]);
      if (i % 50 === 0) {
        push("refund_created", at + 3_600_000, [
          [ACCOUNT.refunds, "debit", gross],
          [ACCOUNT.stripeAvailable, "credit", gross],
        ]);
        net -= gross;
      }
      net += gross - fee;
    }
    const po = `po_${day}`;
    const at = start + day * 86_400_000 + 86_000_000;
    push(
      "payout_created",
      at,
      [
        [ACCOUNT.payoutsInTransit, "debit", Math.max(net, 1)],
        [ACCOUNT.stripeAvailable, "credit", Math.max(net, 1)],
      ],
      po,
    );
    push(
      "payout_paid",
      at + 86_400_000,
      [
        [ACCOUNT.bank, "debit", Math.max(net, 1)],
        [ACCOUNT.payoutsInTransit, "credit", Math.max(net, 1)],
      ],
      po,
    );
  }
  return entries;
}

function buildBenchmark() {
  const entries = yearOfEntries(Number(values["orders-per-day"]));
  const chart = DEFAULT_CHART.map((a, i) => ({ id: String(30 + i), code: a.code, name: a.name, active: true }));
  const map = Object.fromEntries(DEFAULT_CHART.map((a) => [a.code, a.code]));
  const adapter = quickBooksAdapter({
    apiUrl: "http://127.0.0.1:9",
    realmId: "1",
    tokens: { current: async () => "", refresh: async () => "" },
  });
  const rounds: number[] = [];
  let journals = 0;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    const drafts = buildJournals({
      mode: "per_transaction",
      entries,
      existingKeys: new Set(),
      now: new Date("2026-06-01"),
      accountName: name,
    });
    const mapped = mapJournalAccounts(drafts, map, chart, name);
    if (!mapped.ok) throw new Error("mapping failed");
    let bytes = 0;
    for (const journal of mapped.journals) {
      const keys = journalReference("bench", journal.journalKey);
      const body = exactJson(
        adapter.buildPayload({
          ...keys,
          date: journal.date,
          currency: journal.currency,
          narration: journal.narration,
          lines: outgoingLines(storeLines(journal.lines)),
        }),
      );
      bytes += body.length;
    }
    const seconds = (performance.now() - started) / 1000;
    journals = mapped.journals.length;
    rounds.push(journals / seconds);
    console.log(
      `  round ${round + 1}: ${journals.toLocaleString("en")} journals from ${entries.length.toLocaleString("en")} entries in ${seconds.toFixed(2)} s (${Math.round(journals / seconds).toLocaleString("en")}/s; ${(bytes / 1e6).toFixed(0)} MB of payloads)`,
    );
  }
  rounds.sort((a, b) => a - b);
  return { journals, median: rounds[1]! };
}

async function syncBenchmark(admin: string, vendor: "quickbooks" | "xero", journals: number) {
  const dbName = `payops_bench_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${dbName}"`);
  const url = withDatabase(admin, dbName);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    // Charges made available at once (one entry each): one per-transaction journal per charge.
    const day = Math.floor(Date.UTC(2026, 0, 5) / 1000);
    for (let i = 0; i < journals; i += 1) {
      const bt = {
        ...chargeBalanceTransaction(1_000 + i, { pending: false }),
        created: day + i,
        available_on: day + i,
      } as Stripe.BalanceTransaction;
      await prisma.$transaction((tx) => postPaymentCaptured(tx, { balanceTransaction: bt, orderId: orderId() }));
    }
    const server =
      vendor === "quickbooks"
        ? await startQuickBooksTestServer({ accounts: quickBooksChart() })
        : await startXeroTestServer({ accounts: xeroChart() });
    const deps = testDeps(prisma, { [vendor]: server }, { limits: {}, timeoutMs: 30_000 });
    const connection = await createConnection(deps, {
      vendor,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      refreshToken: vendor === "quickbooks" ? "qbo-refresh-1" : "xero-refresh-1",
      organisationId: "realmId" in server ? server.realmId : server.tenantId,
      mode: "per_transaction",
    });
    const before = server.meter.total;
    const started = performance.now();
    const summary = await syncConnection(deps, connection.id);
    const seconds = (performance.now() - started) / 1000;
    const calls = server.meter.total - before;
    const perMinute = vendor === "quickbooks" ? 500 : 60;
    // The vendors count calls in any 60 s (a sliding window): the k-th call (from 0) can start no
    // sooner than floor(k / limit) minutes in, so the last one decides the least wall time.
    const floor = Math.floor((calls - 1) / perMinute) * 60;
    await server.close();
    if (summary.failed || summary.stopped || server.meter.breaches.length)
      throw new Error(`${vendor} sync failed: ${JSON.stringify(summary)} ${server.meter.breaches.join("; ")}`);
    return {
      vendor,
      sent: summary.sent,
      calls,
      seconds,
      floor,
      perMinute,
      maxInWindow: server.meter.maxInWindow,
      maxInFlight: server.meter.maxInFlight,
    };
  } finally {
    await prisma.$disconnect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
  }
}

const admin = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`Journals built per second (a year, ${values["orders-per-day"]} orders a day, per-transaction mode):`);
const built = buildBenchmark();
console.log(
  `  median ${Math.round(built.median).toLocaleString("en")} journals/s over ${built.journals.toLocaleString("en")} journals`,
);
for (const [vendor, count] of [
  ["quickbooks", Number(values["qbo-journals"])],
  ["xero", Number(values["xero-journals"])],
] as const) {
  const r = await syncBenchmark(admin, vendor, count);
  const yearMinutes = built.journals / r.perMinute;
  console.log(
    `${vendor}: ${r.sent} journals in ${r.calls} calls took ${r.seconds.toFixed(1)} s; the limit of ${r.perMinute}/min allows no less than ${r.floor.toFixed(1)} s ` +
      `(${((r.floor / r.seconds) * 100).toFixed(0)}% of the allowed rate); at most ${r.maxInWindow} calls in any minute and ${r.maxInFlight} at once. ` +
      `A year (${built.journals.toLocaleString("en")} journals) at that limit: ${(yearMinutes / 60).toFixed(1)} h` +
      (vendor === "xero"
        ? `, and Xero's 5,000 calls a day make it ${Math.ceil(built.journals / 5_000)} days: summary mode (one journal per payout) suits Xero at this volume.`
        : "."),
  );
}
process.exit(0);
