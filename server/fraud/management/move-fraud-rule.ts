import type { PrismaClient, Tx } from "../../db/client";
import { runTransaction } from "../../db/run-transaction";
import { AppError } from "../../errors";
import { forgetRuleSet } from "../load-rule-set";
import { type RuleState, recordRuleVersion } from "./record-rule-version";

export type MoveFraudRuleInput = {
  ruleId: string;
  expectedVersion: number;
  direction: "up" | "down";
  staffUserId: string;
};

type PlacedRule = RuleState & { id: string };

/**
 * Swaps a rule with its neighbour in the merchant's order (within one action the first matching
 * rule decides, so the order matters). Both rules get a new version and an audit row, in one
 * transaction under the same lock that orders additions; the first rule already at the top (or
 * bottom) stays where it is and nothing is written.
 */
export async function moveFraudRule(
  prisma: PrismaClient,
  input: MoveFraudRuleInput,
): Promise<{ ruleId: string; version: number; changed: boolean }> {
  const result = await runTransaction(prisma, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('fraud_rules.position'))`;
    const rules = await placedRules(tx);
    const index = rules.findIndex((rule) => rule.id === input.ruleId);
    const rule = rules[index];
    if (!rule) throw new AppError("NOT_FOUND", "This rule does not exist.");
    if (rule.version !== input.expectedVersion) {
      throw new AppError(
        "CONFLICT",
        `Someone changed this rule since you opened it (now version ${rule.version}). Reload to see their change.`,
      );
    }
    const neighbour = rules[input.direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return { ruleId: rule.id, version: rule.version, changed: false };
    // The two trade places; rules placed at the same position (made at once, outside this page) are split apart.
    const [upper, lower] = input.direction === "up" ? [rule, neighbour] : [neighbour, rule];
    const first = Math.min(rule.position, neighbour.position);
    const second = Math.max(rule.position, neighbour.position, first + 1);
    const moves: [PlacedRule, number][] = [
      [upper, first],
      [lower, second],
    ];
    let moved = rule.version;
    for (const [target, position] of moves) {
      const { id, ...before } = target;
      const after: RuleState = { ...before, position, version: before.version + 1 };
      await tx.fraudRule.update({ where: { id }, data: { position, version: after.version } });
      await recordRuleVersion(tx, { ruleId: id, change: "moved", staffUserId: input.staffUserId, before, after });
      if (id === rule.id) moved = after.version;
    }
    return { ruleId: rule.id, version: moved, changed: true };
  });
  if (result.changed) forgetRuleSet();
  return result;
}

async function placedRules(tx: Tx): Promise<PlacedRule[]> {
  return tx.$queryRaw<PlacedRule[]>`
    SELECT id::text AS id, source, action, position, enabled, version
      FROM fraud_rules ORDER BY position, created_at FOR UPDATE`;
}
