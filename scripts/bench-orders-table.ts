// Times the orders table's queries (server time: the same listOrders the tRPC procedure calls).
// Usage: npm run bench:orders-table [-- --runs 20]
// Run `npm run seed:orders -- --count 100000` first. Uses DATABASE_URL or the embedded database.
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { parseServerEnv } from "../server/env";
import { listOrders } from "../server/orders-workspace/list-orders";
import { type OrderListQueryInput, orderListQuerySchema } from "../server/orders-workspace/order-list-query";

const BUDGET_MS = 150;
const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Math.max(3, Number(values.runs));

const database = await startDatabase(parseServerEnv(process.env), path.resolve(process.env.PAYOPS_DATA_DIR || ".data"));
const prisma = createPrismaClient(database.url);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(name: string, input: OrderListQueryInput): Promise<{ name: string; p50: number; p95: number }> {
  const query = orderListQuerySchema.parse(input);
  await listOrders(prisma, query); // warm the plan cache and the connection
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows = (await listOrders(prisma, query)).rows.length;
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const result = { name, p50: percentile(samples, 50), p95: percentile(samples, 95) };
  console.log(
    `${name.padEnd(44)} rows=${String(rows).padStart(3)}  p50=${result.p50.toFixed(1)} ms  p95=${result.p95.toFixed(1)} ms`,
  );
  return result;
}

try {
  const orders = await prisma.order.count();
  const [sample] = await prisma.$queryRaw<{ email: string }[]>`
    SELECT c.email FROM customers c JOIN orders o ON o.customer_id = c.id LIMIT 1`;
  console.log(`Orders in the store: ${orders}; ${runs} runs per query; budget ${BUDGET_MS} ms (p95)`);
  const firstPage = await listOrders(prisma, orderListQuerySchema.parse({}));
  const results = [
    await time("first page (newest first)", {}),
    await time("second page (keyset cursor)", { cursor: firstPage.nextCursor }),
    await time("filtered: status=paid, currency=EUR", { statuses: ["paid"], currency: "EUR" }),
    await time("filtered: EUR 100.00–200.00, last 30 days", {
      currency: "EUR",
      minAmount: "100.00",
      maxAmount: "200.00",
      from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    }),
    await time("filtered: customer email prefix", { email: sample?.email.slice(0, 18) ?? "customer" }),
    await time("sorted: total, largest first", { sort: "total", direction: "desc" }),
    await time("sorted: status ascending", { sort: "status", direction: "asc" }),
    await time("sorted: oldest first, status=refunded", { direction: "asc", statuses: ["refunded"] }),
    await time("sorted: total, currency=JPY, disputed", { sort: "total", currency: "JPY", statuses: ["disputed"] }),
    await time("filtered, no match: GBP 999999.00+", { currency: "GBP", minAmount: "999999.00" }),
    await time("filtered, no match: unknown email", { email: "nobody-at-all@" }),
  ];
  const over = results.filter((result) => result.p95 > BUDGET_MS);
  if (over.length) {
    console.error(`Over budget: ${over.map((result) => result.name).join(", ")}`);
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
