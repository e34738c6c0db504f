import type { PrismaClient } from "../../db/client";
import { FRAUD_ATTRIBUTES } from "../attributes/fraud-attributes";
import { loadRuleSet } from "../load-rule-set";
import { attributesFromStorage } from "../post-authorisation/collect-post-authorisation-attributes";
import { compileRule } from "../rules/compile-rule";
import { evaluateCondition } from "../rules/evaluate-condition";
import type { RuleAction } from "../rules/rule-ast";

export type BacktestHit = {
  orderId: string | null;
  decisionId: string;
  amountMinor: number;
  currency: string;
  actionThen: RuleAction;
};

export type BacktestResult = {
  action: RuleAction;
  decisionsExamined: number;
  hits: number;
  /** Hits the rules in force had already stopped or held (block/review) at the time. */
  hitsAlreadyStoppedThen: number;
  /** Hit orders later disputed, or refunded as fraud. */
  hitsLaterDisputed: number;
  hitsLaterRefundedAsFraud: number;
  sample: BacktestHit[];
  durationMs: number;
};

/**
 * Runs a draft rule over the stored decisions of the last `days` days (the latest decision per
 * order or blocked checkout, with the attributes it saw), and says what it would have hit beside
 * what the rules then in force did. Parses first: a bad rule is an error at its position.
 */
export async function backtestRule(
  prisma: PrismaClient,
  input: { source: string; days: number; now?: Date; sampleSize?: number },
): Promise<BacktestResult> {
  const started = performance.now();
  const ruleSet = await loadRuleSet(prisma);
  const names = new Set((await prisma.fraudList.findMany({ select: { alias: true } })).map((list) => list.alias));
  const rule = compileRule("draft", input.source, { attributes: FRAUD_ATTRIBUTES, lists: names });
  const since = new Date((input.now ?? new Date()).getTime() - input.days * 24 * 3_600_000);
  const rows = await prisma.$queryRaw<
    { id: string; order_id: string | null; action: RuleAction; attributes: unknown }[]
  >`SELECT DISTINCT ON (COALESCE(order_id::text, checkout_key, id::text)) id, order_id, action, attributes
      FROM fraud_decisions
     WHERE created_at >= ${since}
     ORDER BY COALESCE(order_id::text, checkout_key, id::text), created_at DESC`;
  const hits: (BacktestHit & { amount: unknown })[] = [];
  for (const row of rows) {
    const attributes = attributesFromStorage(row.attributes);
    if (evaluateCondition(rule.condition, { attributes, lists: ruleSet.lists })) {
      const stored = row.attributes as Record<string, unknown>;
      hits.push({
        orderId: row.order_id,
        decisionId: row.id,
        amountMinor: Number(stored.amount ?? 0),
        currency: String(stored.currency ?? "").toUpperCase(),
        actionThen: row.action,
        amount: stored.amount,
      });
    }
  }
  const orderIds = hits.flatMap((hit) => (hit.orderId ? [hit.orderId] : []));
  const [disputed, refunded] = orderIds.length
    ? await Promise.all([
        prisma.dispute.findMany({
          where: { orderId: { in: orderIds } },
          select: { orderId: true },
          distinct: ["orderId"],
        }),
        prisma.refund.findMany({
          where: { orderId: { in: orderIds }, reasonCode: "fraudulent" },
          select: { orderId: true },
          distinct: ["orderId"],
        }),
      ])
    : [[], []];
  return {
    action: rule.action,
    decisionsExamined: rows.length,
    hits: hits.length,
    hitsAlreadyStoppedThen: hits.filter((hit) => hit.actionThen === "block" || hit.actionThen === "review").length,
    hitsLaterDisputed: disputed.length,
    hitsLaterRefundedAsFraud: refunded.length,
    sample: hits.slice(0, input.sampleSize ?? 50).map(({ amount: _amount, ...hit }) => hit),
    durationMs: Math.round(performance.now() - started),
  };
}
