import type { PrismaClient } from "../../db/client";
import { FRAUD_ATTRIBUTES } from "../attributes/fraud-attributes";
import { loadRuleSet } from "../load-rule-set";
import { attributesFromStorage } from "../post-authorisation/collect-post-authorisation-attributes";
import { compileRule } from "../rules/compile-rule";
import { decideRules } from "../rules/decide-rules";
import { evaluateCondition } from "../rules/evaluate-condition";
import type { RuleAction } from "../rules/rule-ast";

export type BacktestHit = {
  orderId: string | null;
  decisionId: string;
  amountMinor: number;
  currency: string;
  actionThen: RuleAction;
  /** What the rules in force now would decide for it (Request 3DS rules left out). */
  actionNow: RuleAction;
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
  /** What the hits add up to, per currency (amounts never mix currencies). */
  hitAmounts: { currency: string; amountMinor: number }[];
  /** The rule set in force now, over the same decisions, for comparison. */
  inForce: {
    rules: number;
    stopped: number;
    stoppedLaterDisputed: number;
    stoppedLaterRefundedAsFraud: number;
    /** Decisions both the draft and the rules in force would stop. */
    alsoHitByDraft: number;
  };
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
  const stopping = ruleSet.rules.filter((inForce) => inForce.action !== "request_3ds");
  const hits: BacktestHit[] = [];
  const stoppedNow: string[] = [];
  let stoppedNowCount = 0;
  for (const row of rows) {
    const attributes = attributesFromStorage(row.attributes);
    const context = { attributes, lists: ruleSet.lists };
    const now = decideRules(stopping, context).action;
    const stopsNow = now === "block" || now === "review";
    if (stopsNow) {
      stoppedNowCount++;
      if (row.order_id) stoppedNow.push(row.order_id);
    }
    if (evaluateCondition(rule.condition, context)) {
      const stored = row.attributes as Record<string, unknown>;
      hits.push({
        orderId: row.order_id,
        decisionId: row.id,
        amountMinor: Number(stored.amount ?? 0),
        currency: String(stored.currency ?? "").toUpperCase(),
        actionThen: row.action,
        actionNow: now,
      });
    }
  }
  const hitOrders = hits.flatMap((hit) => (hit.orderId ? [hit.orderId] : []));
  const { disputed, refundedAsFraud } = await laterOutcomes(prisma, [...new Set([...hitOrders, ...stoppedNow])]);
  const amounts = new Map<string, number>();
  for (const hit of hits) amounts.set(hit.currency, (amounts.get(hit.currency) ?? 0) + hit.amountMinor);
  return {
    action: rule.action,
    decisionsExamined: rows.length,
    hits: hits.length,
    hitAmounts: [...amounts].map(([currency, amountMinor]) => ({ currency, amountMinor })),
    hitsAlreadyStoppedThen: hits.filter((hit) => hit.actionThen === "block" || hit.actionThen === "review").length,
    hitsLaterDisputed: hitOrders.filter((id) => disputed.has(id)).length,
    hitsLaterRefundedAsFraud: hitOrders.filter((id) => refundedAsFraud.has(id)).length,
    inForce: {
      rules: stopping.length,
      stopped: stoppedNowCount,
      stoppedLaterDisputed: stoppedNow.filter((id) => disputed.has(id)).length,
      stoppedLaterRefundedAsFraud: stoppedNow.filter((id) => refundedAsFraud.has(id)).length,
      alsoHitByDraft: hits.filter((hit) => hit.actionNow === "block" || hit.actionNow === "review").length,
    },
    sample: hits.slice(0, input.sampleSize ?? 50),
    durationMs: Math.round(performance.now() - started),
  };
}

/** Which of these orders were later disputed, and which refunded as fraudulent. */
async function laterOutcomes(prisma: PrismaClient, orderIds: string[]) {
  if (orderIds.length === 0) return { disputed: new Set<string>(), refundedAsFraud: new Set<string>() };
  const [disputes, refunds] = await Promise.all([
    prisma.dispute.findMany({ where: { orderId: { in: orderIds } }, select: { orderId: true }, distinct: ["orderId"] }),
    prisma.refund.findMany({
      where: { orderId: { in: orderIds }, reasonCode: "fraudulent" },
      select: { orderId: true },
      distinct: ["orderId"],
    }),
  ]);
  return {
    disputed: new Set(disputes.map((dispute) => dispute.orderId)),
    refundedAsFraud: new Set(refunds.map((refund) => refund.orderId)),
  };
}
