// Grows the development database to a number of generated orders, with their money (refunds,
// disputes and ledger entries), for the back office and its benchmark.
// Usage: npm run seed:orders -- --count 1000000 [--chunk 50000] [--days 90] [--email someone@example.test] [--no-money]
// --count is the size the store grows to: a second run adds nothing, an interrupted one goes on
// where it stopped. Uses DATABASE_URL when set, else the embedded database under PAYOPS_DATA_DIR (default .data).
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { parseServerEnv } from "../server/env";
import { growSeededStore } from "../server/orders-workspace/grow-seeded-store";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    chunk: { type: "string", default: "50000" },
    days: { type: "string" },
    email: { type: "string" },
    "no-money": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const chunk = Number(values.chunk);
if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
  console.error("--count must be a whole number between 1 and 5000000");
  process.exit(2);
}
if (!Number.isInteger(chunk) || chunk < 1 || chunk > 500_000) {
  console.error("--chunk must be a whole number between 1 and 500000");
  process.exit(2);
}
const env = parseServerEnv(process.env);
if (env.NODE_ENV === "production") {
  console.error("Refusing to generate orders with NODE_ENV=production");
  process.exit(2);
}
const database = await startDatabase(env, path.resolve(process.env.PAYOPS_DATA_DIR || ".data"));
const prisma = createPrismaClient(database.url);
try {
  const started = performance.now();
  const result = await growSeededStore(prisma, {
    target: count,
    chunk,
    daysBack: values.days ? Number(values.days) : undefined,
    customerEmail: values.email,
    money: !values["no-money"],
    onChunk: ({ orders, target, chunkMs }) =>
      console.log(`${orders} of ${target} orders (chunk in ${Math.round(chunkMs)} ms)`),
  });
  const [lines] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ledger_lines`;
  console.log(
    `Added ${result.added} orders in ${Math.round(performance.now() - started)} ms; ` +
      `the store holds ${result.orders} orders and ${lines?.n ?? 0n} journal lines`,
  );
} finally {
  await prisma.$disconnect();
  await database.stop();
}
