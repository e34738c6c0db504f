// Fills the development database with generated orders for the back office and its benchmark.
// Usage: npm run seed:orders -- --count 100000 [--days 90] [--email someone@example.test]
// Uses DATABASE_URL when set, else the embedded database under PAYOPS_DATA_DIR (default .data).
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../server/db/client";
import { startDatabase } from "../server/db/start-database";
import { parseServerEnv } from "../server/env";
import { seedOrders } from "../server/orders-workspace/seed-orders";

const { values } = parseArgs({
  options: { count: { type: "string", default: "1000" }, days: { type: "string" }, email: { type: "string" } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
  console.error("--count must be a whole number between 1 and 5000000");
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
  const result = await seedOrders(prisma, {
    count,
    daysBack: values.days ? Number(values.days) : undefined,
    customerEmail: values.email,
  });
  console.log(`Seeded ${result.orders} orders in ${Math.round(performance.now() - started)} ms`);
} finally {
  await prisma.$disconnect();
  await database.stop();
}
