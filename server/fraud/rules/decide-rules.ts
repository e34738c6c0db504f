import type { CompiledRule } from "./compile-rule";
import { type EvaluationContext, evaluateCondition } from "./evaluate-condition";
import { RULE_ACTIONS, type RuleAction } from "./rule-ast";

export type RuleVerdict = {
  ruleId: string;
  action: RuleAction;
  matched: boolean;
  /** Why the rule could not be evaluated (a saved list that no longer exists); it then did not match. */
  error?: string;
};

export type RulesDecision = {
  /** The action that decides; "allow" when no rule matched. */
  action: RuleAction;
  /** The rule that decided, or null when none matched. */
  decidingRuleId: string | null;
  verdicts: RuleVerdict[];
};

const PRECEDENCE: Record<RuleAction, number> = Object.fromEntries(
  RULE_ACTIONS.map((action, index) => [action, index]),
) as Record<RuleAction, number>;

/**
 * Radar's order: a matching Request 3DS rule wins over any Allow, an Allow over any Block, a
 * Block over any Review; within one action the first matching rule in the merchant's order
 * decides. Every rule is still evaluated so the decision records each verdict (rule metrics and
 * backtests read them).
 */
export function decideRules(rules: readonly CompiledRule[], context: EvaluationContext): RulesDecision {
  const verdicts: RuleVerdict[] = [];
  let deciding: CompiledRule | null = null;
  for (const rule of rules) {
    let matched = false;
    let error: string | undefined;
    try {
      matched = evaluateCondition(rule.condition, context);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    verdicts.push(
      error === undefined
        ? { ruleId: rule.id, action: rule.action, matched }
        : { ruleId: rule.id, action: rule.action, matched, error },
    );
    if (matched && (deciding === null || PRECEDENCE[rule.action] < PRECEDENCE[deciding.action])) deciding = rule;
  }
  return { action: deciding?.action ?? "allow", decidingRuleId: deciding?.id ?? null, verdicts };
}
