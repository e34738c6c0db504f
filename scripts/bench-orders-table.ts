// Times the back office's pages on a large store, by server time: the same server functions the
// pages call (listOrders for the orders table, getOrderDetail, getOverview with the failed-refunds
// flag, trialBalanceReport for the trial balance page), each run in turn, p50 and p95 per page against its budget. Prints one JSON
// summary last.
// Usage: npm run bench:orders-table [-- --runs 30]
// Run `npm run seed:orders -- --count 1000000` first. Uses DATABASE_URL or the embedded database.
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { reportingWindow } from "../server/back-office/reporting-window";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { parseServerEnv } from "../server/env";
import { trialBalance, trialBalanceReport } from "../server/ledger";
import { getOrderDetail } from "../server/orders-workspace/get-order-detail";
import { getOverview } from "../server/orders-workspace/get-overview";
import { listOrders } from "../server/orders-workspace/list-orders";
import { type OrderListQueryInput, orderListQuerySchema } from "../server/orders-workspace/order-list-query";
import { listFailedRefunds } from "../server/refunds/list-refunds";

const BUDGET_MS = { ordersTable: 50, orderDetail: 50, overview: 200, trialBalance: 500 } as const;
const { values } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const runs = Math.max(3, Number(values.runs));

const database = await startDatabase(parseServerEnv(process.env), path.resolve(process.env.PAYOPS_DATA_DIR || ".data"));
const prisma = createPrismaClient(database.url);

type Result = { page: string; name: string; budgetMs: number; p50: number; p95: number; detail: string };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `fn(i)` once to warm the plan cache and the connection, then `runs` timed times. */
async function time(page: keyof typeof BUDGET_MS, name: string, fn: (run: number) => Promise<string>): Promise<Result> {
  await fn(0);
  const samples: number[] = [];
  let detail = "";
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    detail = await fn(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const result = {
    page,
    name,
    budgetMs: BUDGET_MS[page],
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    detail,
  };
  const verdict = result.p95 <= result.budgetMs ? "ok" : "OVER";
  console.log(
    `${name.padEnd(46)} ${detail.padEnd(14)} p50=${result.p50.toFixed(1).padStart(6)} ms  p95=${result.p95
      .toFixed(1)
      .padStart(6)} ms  budget ${result.budgetMs} ms ${verdict}`,
  );
  return result;
}

function ordersTable(name: string, input: OrderListQueryInput): Promise<Result> {
  const query = orderListQuerySchema.parse(input);
  return time(
    "ordersTable",
    `orders table: ${name}`,
    async () => `rows=${(await listOrders(prisma, query)).rows.length}`,
  );
}

async function sampleOrders(status: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM orders TABLESAMPLE SYSTEM (1) WHERE status = ${status} LIMIT ${runs}`;
  return rows.map((row) => row.id);
}

function orderDetail(status: string, ids: string[]): Promise<Result> {
  return time("orderDetail", `order detail: ${status} (${ids.length} orders in turn)`, async (run) => {
    const detail = await getOrderDetail(prisma, ids[run % ids.length]!, { canReadLedger: true });
    return `lines=${detail.ledgerLines?.length ?? 0}`;
  });
}

try {
  const [counts] = await prisma.$queryRaw<{ orders: bigint; lines: bigint }[]>`
    SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM ledger_lines) AS lines`;
  const [sample] = await prisma.$queryRaw<{ email: string }[]>`
    SELECT c.email FROM customers c JOIN orders o ON o.customer_id = c.id LIMIT 1`;
  const loadBefore = loadavg();
  console.log(
    `Store: ${counts?.orders} orders, ${counts?.lines} journal lines; ${runs} runs per query; ` +
      `load average ${loadBefore.map((n) => n.toFixed(2)).join(" ")}`,
  );
  const firstPage = await listOrders(prisma, orderListQuerySchema.parse({}));
  const midway = new Date(Date.now() - 45 * 86_400_000 + 5 * 3_600_000);
  const results = [
    await ordersTable("first page (newest first)", {}),
    await ordersTable("second page (keyset cursor)", { cursor: firstPage.nextCursor }),
    await ordersTable("status=paid, currency=EUR", { statuses: ["paid"], currency: "EUR" }),
    await ordersTable("EUR 100.00–200.00, last 30 days", {
      currency: "EUR",
      minAmount: "100.00",
      maxAmount: "200.00",
      from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    await ordersTable("customer email prefix", { email: sample?.email.slice(0, 18) ?? "customer" }),
    await ordersTable("sorted by total, largest first", { sort: "total", direction: "desc" }),
    await ordersTable("sorted by status", { sort: "status", direction: "asc" }),
    await ordersTable("oldest first, status=refunded", { direction: "asc", statuses: ["refunded"] }),
    await ordersTable("by total, currency=JPY, disputed", { sort: "total", currency: "JPY", statuses: ["disputed"] }),
    await ordersTable("no match: GBP 999999.00+", { currency: "GBP", minAmount: "999999.00" }),
    await ordersTable("no match: unknown email", { email: "nobody-at-all@" }),
    await orderDetail("paid", await sampleOrders("paid")),
    await orderDetail("partially_refunded", await sampleOrders("partially_refunded")),
    await orderDetail("disputed", await sampleOrders("disputed")),
    await time("overview", "overview: 30-day volume, rates, daily chart", async () => {
      // The page asks for both at once.
      const [overview] = await Promise.all([
        getOverview(prisma),
        listFailedRefunds(prisma, reportingWindow(new Date()).since),
      ]);
      return `days=${new Set(overview.dailyVolume.map((row) => row.day)).size}`;
    }),
    // What the trial balance page asks for: a currency now, or at the end of a day (whose own lines
    // are read from the journal up to its last millisecond).
    await time("trialBalance", "trial balance page: USD, now", async () => {
      return `rows=${(await trialBalanceReport(prisma, { currency: "USD" })).trialBalance?.rows.length}`;
    }),
    await time("trialBalance", "trial balance page: JPY, now", async () => {
      return `rows=${(await trialBalanceReport(prisma, { currency: "JPY" })).trialBalance?.rows.length}`;
    }),
    await time("trialBalance", "trial balance page: USD, end of a day 45 days ago", async () => {
      const asOfDay = midway.toISOString().slice(0, 10);
      return `rows=${(await trialBalanceReport(prisma, { currency: "USD", asOfDay })).trialBalance?.rows.length}`;
    }),
    await time("trialBalance", "trial balance: USD, 45 days ago (mid-day)", async () => {
      return `rows=${(await trialBalance(prisma, { currency: "USD", at: midway })).rows.length}`;
    }),
  ];
  const over = results.filter((result) => result.p95 > result.budgetMs);
  const loadAfter = loadavg();
  console.log(`Load average after: ${loadAfter.map((n) => n.toFixed(2)).join(" ")}`);
  if (over.length) {
    console.error(`Over budget (p95): ${over.map((result) => result.name).join(", ")}`);
    process.exitCode = 1;
  }
  console.log(
    JSON.stringify({
      orders: Number(counts?.orders),
      journalLines: Number(counts?.lines),
      runs,
      loadAverage: { before: loadBefore, after: loadAfter },
      results: results.map(({ detail: _detail, ...result }) => ({
        ...result,
        p50: Number(result.p50.toFixed(1)),
        p95: Number(result.p95.toFixed(1)),
      })),
      overBudget: over.map((result) => result.name),
    }),
  );
} finally {
  await prisma.$disconnect();
  await database.stop();
}
