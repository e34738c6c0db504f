import type { PrismaClient } from "../../db/client";
import { runTransaction } from "../../db/run-transaction";
import { AppError } from "../../errors";
import { forgetRuleSet } from "../load-rule-set";
import { recordRuleVersion } from "./record-rule-version";
import { compileRuleForSaving, MAX_RULE_LENGTH } from "./rule-catalogue";

export type AddFraudRuleInput = { source: string; enabled?: boolean; staffUserId: string };

/**
 * Adds a rule at the end of the merchant's order (version 1). A rule that cannot be read, or
 * names an attribute or list PayOps does not know, is refused with its position and nothing is
 * written. The rule set in force forgets its cache, so the next checkout sees the rule.
 */
export async function addFraudRule(prisma: PrismaClient, input: AddFraudRuleInput): Promise<{ ruleId: string }> {
  const source = input.source.trim();
  if (!source) throw new AppError("BAD_REQUEST", "Write the rule first.", { path: ["source"] });
  if (source.length > MAX_RULE_LENGTH) {
    throw new AppError("BAD_REQUEST", `A rule may be at most ${MAX_RULE_LENGTH} characters.`, { path: ["source"] });
  }
  const ruleId = await runTransaction(prisma, async (tx) => {
    const compiled = await compileRuleForSaving(tx, source);
    // Serialises additions so two rules added at once never share a position.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('fraud_rules.position'))`;
    const last = await tx.fraudRule.aggregate({ _max: { position: true } });
    const state = {
      source,
      action: compiled.action,
      position: (last._max.position ?? -1) + 1,
      enabled: input.enabled ?? true,
      version: 1,
    };
    const rule = await tx.fraudRule.create({ data: state, select: { id: true } });
    await recordRuleVersion(tx, {
      ruleId: rule.id,
      change: "created",
      staffUserId: input.staffUserId,
      before: null,
      after: state,
    });
    return rule.id;
  });
  forgetRuleSet();
  return { ruleId };
}
