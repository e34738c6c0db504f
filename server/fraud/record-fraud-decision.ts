import type { Prisma, PrismaClient, Tx } from "../db/client";
import type { RuleAction } from "./rules/rule-ast";

export type HookVerdict = {
  hook: string;
  outcome: "allow" | "review" | "block";
  reasons: string[];
  error?: string;
  durationMs: number;
};

/** Everything a fraud decision saw and said, ready to store. */
export type FraudDecisionRecord = {
  stage: "pre_payment" | "post_authorisation";
  action: RuleAction;
  decidingRuleId: string | null;
  attributes: Record<string, string | boolean | null>;
  ruleVerdicts: { ruleId: string; version: number; action: RuleAction; matched: boolean; error?: string }[];
  hookVerdicts: HookVerdict[];
  reasons: string[];
  durationMicros: number;
};

/** Appends the decision; in the order's own transaction when there is one. */
export async function recordFraudDecision(
  client: PrismaClient | Tx,
  record: FraudDecisionRecord,
  link: { orderId: string | null; checkoutKey: string | null; paymentIntentId?: string },
): Promise<string> {
  const row = await client.fraudDecision.create({
    data: {
      orderId: link.orderId,
      checkoutKey: link.checkoutKey,
      paymentIntentId: link.paymentIntentId ?? null,
      stage: record.stage,
      action: record.action,
      decidingRuleId: record.decidingRuleId,
      attributes: record.attributes as Prisma.InputJsonValue,
      ruleVerdicts: record.ruleVerdicts as unknown as Prisma.InputJsonValue,
      hookVerdicts: record.hookVerdicts as unknown as Prisma.InputJsonValue,
      reasons: record.reasons,
      durationMicros: record.durationMicros,
    },
    select: { id: true },
  });
  return row.id;
}
