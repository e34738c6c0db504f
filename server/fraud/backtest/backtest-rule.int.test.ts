import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/integration/test-database";
import { forgetRuleSet } from "../load-rule-set";
import { backtestRule } from "./backtest-rule";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  forgetRuleSet();
  // 10,000 stored pre-payment decisions over 40 days: amounts, domains, countries and velocity vary.
  await database.prisma.$executeRaw`
    INSERT INTO fraud_decisions (id, checkout_key, stage, action, attributes, rule_verdicts, reasons, duration_micros, created_at)
    SELECT gen_random_uuid(), 'backtest-' || n, 'pre_payment',
           (ARRAY['allow','review','block'])[1 + n % 3],
           jsonb_build_object(
             'amount', ((n * 7919) % 200000)::text,
             'amount_in_usd', round(((n * 7919) % 200000) / 100.0, 2)::text,
             'currency', 'usd',
             'email', 'c' || (n % 500) || '@' || (ARRAY['example.com','mail.test','blocked.test'])[1 + n % 3],
             'email_domain', (ARRAY['example.com','mail.test','blocked.test'])[1 + n % 3],
             'is_new_customer', n % 2 = 0,
             'shipping_address_country', (ARRAY['GB','FR','US','DE'])[1 + n % 4],
             'ip_country', (ARRAY['GB','US','DE'])[1 + n % 3],
             'declined_charges_per_email_hourly', (n % 9)::text),
           '[]'::jsonb, '{}', 100,
           now() - ((n % 40) || ' days')::interval - interval '1 minute'
      FROM generate_series(1, 10000) AS n`;
});
afterAll(async () => {
  await database?.drop();
});

describe("backtesting a draft rule", () => {
  it("answers over 10,000 decisions in under 2 s, with the counts a direct SQL count gives", async () => {
    const source =
      "Block if :amount_in_usd: > 1000 and :shipping_address_country: != :ip_country: and :email_domain: != 'example.com'";
    const started = performance.now();
    const result = await backtestRule(database.prisma, { source, days: 30 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);

    const [expected] = await database.prisma.$queryRaw<{ examined: bigint; hits: bigint; stopped: bigint }[]>`
      SELECT count(*) AS examined,
             count(*) FILTER (WHERE (attributes->>'amount_in_usd')::numeric > 1000
                                AND attributes->>'shipping_address_country' <> attributes->>'ip_country'
                                AND attributes->>'email_domain' <> 'example.com') AS hits,
             count(*) FILTER (WHERE (attributes->>'amount_in_usd')::numeric > 1000
                                AND attributes->>'shipping_address_country' <> attributes->>'ip_country'
                                AND attributes->>'email_domain' <> 'example.com'
                                AND action IN ('block', 'review')) AS stopped
        FROM fraud_decisions WHERE created_at >= now() - interval '30 days'`;
    expect(result.decisionsExamined).toBe(Number(expected!.examined));
    expect(result.hits).toBe(Number(expected!.hits));
    expect(result.hitsAlreadyStoppedThen).toBe(Number(expected!.stopped));
    expect(result.hits).toBeGreaterThan(100);
    expect(result.action).toBe("block");
  });

  it("sums the hits' amounts and sets them beside what the rules in force now would stop", async () => {
    await database.prisma.fraudRule.create({
      data: { source: "Block if :email_domain: = 'blocked.test'", position: 0, action: "block" },
    });
    forgetRuleSet();
    try {
      const result = await backtestRule(database.prisma, {
        source: "Review if :amount_in_usd: > 1500 and :is_new_customer:",
        days: 30,
      });
      const [expected] = await database.prisma.$queryRaw<
        { hits: bigint; amount: bigint; stopped: bigint; both: bigint }[]
      >`
        SELECT count(*) FILTER (WHERE (attributes->>'amount_in_usd')::numeric > 1500 AND (attributes->>'is_new_customer')::boolean) AS hits,
               coalesce(sum((attributes->>'amount')::bigint) FILTER (WHERE (attributes->>'amount_in_usd')::numeric > 1500
                                AND (attributes->>'is_new_customer')::boolean), 0)::bigint AS amount,
               count(*) FILTER (WHERE attributes->>'email_domain' = 'blocked.test') AS stopped,
               count(*) FILTER (WHERE attributes->>'email_domain' = 'blocked.test'
                                AND (attributes->>'amount_in_usd')::numeric > 1500
                                AND (attributes->>'is_new_customer')::boolean) AS both
          FROM fraud_decisions WHERE created_at >= now() - interval '30 days'`;
      expect(result.hits).toBe(Number(expected!.hits));
      expect(result.hitAmounts).toEqual([{ currency: "USD", amountMinor: Number(expected!.amount) }]);
      expect(result.inForce).toMatchObject({
        rules: 1,
        stopped: Number(expected!.stopped),
        alsoHitByDraft: Number(expected!.both),
      });
      expect(result.inForce.alsoHitByDraft).toBeGreaterThan(0);
      expect(result.sample.every((hit) => hit.actionNow === "block" || hit.actionNow === "allow")).toBe(true);
    } finally {
      await database.prisma.fraudRule.deleteMany();
      forgetRuleSet();
    }
  });

  it("counts velocity thresholds exactly", async () => {
    const result = await backtestRule(database.prisma, {
      source: "Review if :declined_charges_per_email_hourly: >= 6 and :is_new_customer:",
      days: 7,
    });
    const [expected] = await database.prisma.$queryRaw<{ hits: bigint }[]>`
      SELECT count(*) AS hits FROM fraud_decisions
       WHERE created_at >= now() - interval '7 days'
         AND (attributes->>'declined_charges_per_email_hourly')::int >= 6 AND (attributes->>'is_new_customer')::boolean`;
    expect(result.hits).toBe(Number(expected!.hits));
  });

  it("refuses a malformed draft with its position", async () => {
    await expect(backtestRule(database.prisma, { source: "Block if :amount_in_usd >", days: 7 })).rejects.toMatchObject(
      {
        name: "RuleSyntaxError",
        position: { column: 10 },
      },
    );
  });
});
