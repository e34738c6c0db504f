// Fraud pre-payment benchmark on real PostgreSQL (and Redis): evaluatePrePayment with 50 rules,
// 5 saved lists of 1,000 entries and velocity counters, p50/p99 per decision with the counters
// in Redis and in PostgreSQL. Each decision reads the customer's history, reads and writes the
// velocity counters and evaluates every rule, as a checkout does.
// Usage: npm run bench:fraud -- [--decisions 5000] [--warmup 200]
// Uses DATABASE_URL's server (default the local one) in a database it creates and drops, and
// REDIS_URL (default redis://127.0.0.1:6379) under a random key prefix.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";
import { createPrismaClient } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { withDatabase } from "../server/db/postgres-server";
import { DEFAULT_USD_RATES, parseUsdRates } from "../server/fraud/attributes/usd-rates";
import { evaluatePrePayment } from "../server/fraud/evaluate-pre-payment";
import { forgetRuleSet, loadRuleSet } from "../server/fraud/load-rule-set";
import { postgresVelocityStore } from "../server/fraud/velocity/postgres-velocity-store";
import { redisVelocityStore } from "../server/fraud/velocity/redis-velocity-store";
import type { VelocityStore } from "../server/fraud/velocity/velocity-store";

const { values } = parseArgs({
  options: { decisions: { type: "string", default: "5000" }, warmup: { type: "string", default: "200" } },
});
const decisions = Number(values.decisions);
const warmup = Number(values.warmup);
const adminUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const name = `fraud_bench_${randomBytes(4).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const LISTS = [
  ["blocked_emails", "email"],
  ["blocked_domains", "email_domain"],
  ["suspicious_ips", "ip_address"],
  ["trusted_customers", "email"],
  ["blocked_countries", "country"],
] as const;

/** 50 rules of the shapes merchants write: thresholds, lists, velocity, combinations. */
function benchRules(): string[] {
  const rules: string[] = [];
  for (let i = 0; i < 10; i++) rules.push(`Review if :amount_in_usd: > ${500 + i * 100} and :is_new_customer:`);
  for (let i = 0; i < 10; i++)
    rules.push(
      `Block if :total_charges_per_email_hourly: > ${20 + i} or :declined_charges_per_email_daily: > ${10 + i}`,
    );
  for (let i = 0; i < 10; i++)
    rules.push(`Review if :shipping_address_country: != :ip_country: and :amount_in_usd: > ${200 + i * 50}`);
  for (let i = 0; i < 10; i++)
    rules.push(`Block if :email_domain: in ('spam${i}.test', 'fraud${i}.test') or :currency: = 'xx${i}'`);
  rules.push(
    "Block if :email: in @blocked_emails",
    "Block if :email_domain: in @blocked_domains",
    "Review if :ip_address: in @suspicious_ips",
    "Allow if :email: in @trusted_customers",
    "Block if :ip_country: in @blocked_countries",
    "Review if :is_disposable_email: and :amount_in_usd: > 50",
    "Request 3DS if :total_charges_per_ip_address_hourly: > 30",
    "Review if :declined_charges_per_ip_address_hourly: >= 5",
    "Block if :email: ~ '%+test%@example.com'",
    "Review if not :is_new_customer: and :customer_disputes: > 0",
  );
  return rules;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

await admin(`CREATE DATABASE "${name}"`);
const url = withDatabase(adminUrl, name);
const prisma = createPrismaClient(url);
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
try {
  await applyMigrations(url);
  await prisma.fraudRule.createMany({
    data: benchRules().map((source, position) => ({
      source,
      position,
      action: source.startsWith("Request") ? "request_3ds" : source.split(" ")[0]!.toLowerCase(),
    })),
  });
  for (const [alias, kind] of LISTS) {
    const list = await prisma.fraudList.create({ data: { alias, kind } });
    await prisma.fraudListItem.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        listId: list.id,
        value:
          kind === "country" ? `c${i}` : kind === "ip_address" ? `10.0.${i >> 8}.${i & 255}` : `entry${i}@list.test`,
      })),
    });
  }
  forgetRuleSet();
  const set = await loadRuleSet(prisma);
  if (set.rules.length !== 50) throw new Error(`expected 50 compiled rules, got ${set.rules.length}`);

  const rates = parseUsdRates(DEFAULT_USD_RATES);
  const stores: [string, VelocityStore][] = [
    ["redis", redisVelocityStore(redis, `payops-bench:${randomBytes(4).toString("hex")}`)],
    ["postgres", postgresVelocityStore(prisma)],
  ];
  console.log(
    `fraud pre-payment benchmark: 50 rules, 5 lists x 1,000, ${decisions} decisions per store after ${warmup} warm-up; ` +
      `Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`,
  );
  for (const [storeName, velocity] of stores) {
    const timings: number[] = [];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < warmup + decisions; i++) {
      const started = performance.now();
      const decision = await evaluatePrePayment(
        {
          email: `customer${i % 200}@example.com`,
          currency: i % 3 === 0 ? "EUR" : "USD",
          totalMinor: 1_000 + ((i * 7919) % 150_000),
          itemCount: 1,
          shippingCountry: i % 4 === 0 ? "FR" : "GB",
          ipAddress: `203.0.113.${i % 50}`,
          ipCountry: i % 5 === 0 ? "DE" : "GB",
        },
        { prisma, velocity, rates, hooks: [] },
      );
      if (i >= warmup) {
        timings.push(performance.now() - started);
        outcomes.set(decision.outcome, (outcomes.get(decision.outcome) ?? 0) + 1);
      }
    }
    timings.sort((a, b) => a - b);
    console.log(
      `${storeName.padEnd(8)} p50 ${percentile(timings, 50).toFixed(2)} ms  p99 ${percentile(timings, 99).toFixed(2)} ms  ` +
        `max ${timings.at(-1)!.toFixed(2)} ms  outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  }
} finally {
  await redis.quit();
  await prisma.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
