import type { PrismaClient, Tx } from "../../db/client";
import { runTransaction } from "../../db/run-transaction";
import { AppError } from "../../errors";
import { forgetRuleSet } from "../load-rule-set";
import { type RuleChange, type RuleState, recordRuleVersion } from "./record-rule-version";
import { compileRuleForSaving, MAX_RULE_LENGTH } from "./rule-catalogue";

export type FraudRuleChange = { kind: "edit"; source: string } | { kind: "enable" } | { kind: "disable" };

export type ChangeFraudRuleInput = {
  ruleId: string;
  /** The version the person was looking at; another change since then is a conflict. */
  expectedVersion: number;
  change: FraudRuleChange;
  staffUserId: string;
  note?: string;
};

export type ChangedFraudRule = { ruleId: string; version: number; changed: boolean };

/**
 * Edits a rule's text or switches it on or off, as a new version. The rule row is locked, so
 * two people changing one rule serialise; the second, still looking at the old version, gets a
 * conflict instead of silently overwriting. A change that changes nothing (a double click on
 * "Switch off", the same text saved again) writes no version and reports `changed: false`.
 */
export async function changeFraudRule(prisma: PrismaClient, input: ChangeFraudRuleInput): Promise<ChangedFraudRule> {
  const result = await runTransaction(prisma, async (tx) => {
    const current = await lockRule(tx, input.ruleId);
    const next = await nextState(tx, current, input.change);
    if (sameState(current, next)) return { ruleId: input.ruleId, version: current.version, changed: false };
    if (current.version !== input.expectedVersion) {
      throw new AppError(
        "CONFLICT",
        `Someone changed this rule since you opened it (now version ${current.version}). Reload to see their change.`,
      );
    }
    const after: RuleState = { ...next, version: current.version + 1 };
    await tx.fraudRule.update({ where: { id: input.ruleId }, data: after });
    await recordRuleVersion(tx, {
      ruleId: input.ruleId,
      change: changeKind(input.change),
      staffUserId: input.staffUserId,
      before: current,
      after,
      note: input.note,
    });
    return { ruleId: input.ruleId, version: after.version, changed: true };
  });
  if (result.changed) forgetRuleSet();
  return result;
}

async function lockRule(tx: Tx, ruleId: string): Promise<RuleState> {
  const rows = await tx.$queryRaw<RuleState[]>`
    SELECT source, action, position, enabled, version FROM fraud_rules WHERE id = ${ruleId}::uuid FOR UPDATE`;
  const rule = rows[0];
  if (!rule) throw new AppError("NOT_FOUND", "This rule does not exist.");
  return rule;
}

async function nextState(tx: Tx, current: RuleState, change: FraudRuleChange): Promise<RuleState> {
  if (change.kind === "enable") return { ...current, enabled: true };
  if (change.kind === "disable") return { ...current, enabled: false };
  const source = change.source.trim();
  if (!source) throw new AppError("BAD_REQUEST", "Write the rule first.", { path: ["source"] });
  if (source.length > MAX_RULE_LENGTH) {
    throw new AppError("BAD_REQUEST", `A rule may be at most ${MAX_RULE_LENGTH} characters.`, { path: ["source"] });
  }
  const compiled = await compileRuleForSaving(tx, source);
  return { ...current, source, action: compiled.action };
}

function sameState(a: RuleState, b: RuleState): boolean {
  return a.source === b.source && a.enabled === b.enabled && a.position === b.position;
}

function changeKind(change: FraudRuleChange): RuleChange {
  return change.kind === "edit" ? "edited" : change.kind === "enable" ? "enabled" : "disabled";
}
