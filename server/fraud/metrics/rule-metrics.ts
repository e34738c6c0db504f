import type { PrismaClient } from "../../db/client";

export type RuleMetrics = {
  ruleId: string;
  /** Payments (orders or blocked checkouts) the rule matched, in the window. */
  hits: number;
  /** Payments it matched, per UTC day, every day of the window (zeros included). */
  hitsByDay: { day: string; hits: number }[];
  /** Reviews this rule opened that an analyst settled, and how many of them the analyst approved (overruled it). */
  reviewsSettled: number;
  reviewsOverruled: number;
  /** Orders it let through (an Allow rule that matched, any other that did not) that were later disputed. */
  disputesLetThrough: number;
};

const DAY_MS = 86_400_000;

function dayKeys(since: Date, now: Date): string[] {
  const days: string[] = [];
  for (
    let at = Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate());
    at <= now.getTime();
    at += DAY_MS
  ) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Per rule, over the stored decisions of the last `days` days: hits (each payment once, whether
 * it matched before payment, after authorisation or both), hits per day for the chart, how
 * often analysts overruled the reviews it opened, and the disputes on orders it let through.
 * Four aggregate queries over the decisions' verdicts, in parallel, whatever the number of rules.
 */
export async function ruleMetrics(
  prisma: PrismaClient,
  input: { days: number; now?: Date },
): Promise<{ days: string[]; rules: RuleMetrics[] }> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - input.days * DAY_MS);
  const [hitRows, totals, reviewRows, disputeRows, rules] = await Promise.all([
    prisma.$queryRaw<{ rule_id: string; day: string; hits: bigint }[]>`
      SELECT v->>'ruleId' AS rule_id, to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
             count(DISTINCT COALESCE(d.order_id::text, d.checkout_key, d.id::text)) AS hits
        FROM fraud_decisions d CROSS JOIN LATERAL jsonb_array_elements(d.rule_verdicts) AS v
       WHERE d.created_at >= ${since} AND d.created_at <= ${now} AND (v->>'matched')::boolean
       GROUP BY 1, 2`,
    // A payment matched on two days (before payment, then after authorisation) counts on each
    // day, but once in the total.
    prisma.$queryRaw<{ rule_id: string; hits: bigint }[]>`
      SELECT v->>'ruleId' AS rule_id, count(DISTINCT COALESCE(d.order_id::text, d.checkout_key, d.id::text)) AS hits
        FROM fraud_decisions d CROSS JOIN LATERAL jsonb_array_elements(d.rule_verdicts) AS v
       WHERE d.created_at >= ${since} AND d.created_at <= ${now} AND (v->>'matched')::boolean
       GROUP BY 1`,
    prisma.$queryRaw<{ rule_id: string; settled: bigint; overruled: bigint }[]>`
      SELECT d.deciding_rule_id::text AS rule_id,
             count(DISTINCT r.id) FILTER (WHERE r.status IN ('approved', 'rejected')) AS settled,
             count(DISTINCT r.id) FILTER (WHERE r.status = 'approved') AS overruled
        FROM fraud_reviews r
        JOIN fraud_decisions d ON d.order_id = r.order_id AND d.action = 'review' AND d.deciding_rule_id IS NOT NULL
       WHERE r.source = 'rules' AND d.created_at >= ${since} AND d.created_at <= ${now}
       GROUP BY 1`,
    prisma.$queryRaw<{ rule_id: string; disputed: bigint }[]>`
      SELECT v->>'ruleId' AS rule_id, count(DISTINCT d.order_id) AS disputed
        FROM fraud_decisions d CROSS JOIN LATERAL jsonb_array_elements(d.rule_verdicts) AS v
       WHERE d.created_at >= ${since} AND d.created_at <= ${now} AND d.order_id IS NOT NULL
         AND ((v->>'action') = 'allow') = (v->>'matched')::boolean
         AND EXISTS (SELECT 1 FROM disputes x WHERE x.order_id = d.order_id)
       GROUP BY 1`,
    prisma.fraudRule.findMany({ select: { id: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
  ]);
  const days = dayKeys(since, now);
  const byRule = new Map<string, Map<string, number>>();
  for (const row of hitRows) {
    const perDay = byRule.get(row.rule_id) ?? new Map<string, number>();
    perDay.set(row.day, Number(row.hits));
    byRule.set(row.rule_id, perDay);
  }
  const reviews = new Map(reviewRows.map((row) => [row.rule_id, row]));
  const disputes = new Map(disputeRows.map((row) => [row.rule_id, Number(row.disputed)]));
  const totalHits = new Map(totals.map((row) => [row.rule_id, Number(row.hits)]));
  return {
    days,
    rules: rules.map(({ id }) => {
      const perDay = byRule.get(id);
      const review = reviews.get(id);
      return {
        ruleId: id,
        hits: totalHits.get(id) ?? 0,
        hitsByDay: days.map((day) => ({ day, hits: perDay?.get(day) ?? 0 })),
        reviewsSettled: Number(review?.settled ?? 0),
        reviewsOverruled: Number(review?.overruled ?? 0),
        disputesLetThrough: disputes.get(id) ?? 0,
      };
    }),
  };
}
