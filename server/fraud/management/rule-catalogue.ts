import type { PrismaClient, Tx } from "../../db/client";
import { FRAUD_ATTRIBUTES } from "../attributes/fraud-attributes";
import { type CompiledRule, compileRule } from "../rules/compile-rule";
import { withRuleSyntaxProblem } from "./rule-syntax-problem";

/**
 * Checks a rule the way it will run: against the attribute catalogue and the saved lists that
 * exist now, so a rule naming an unknown attribute or list is refused before it is saved.
 */
export async function compileRuleForSaving(tx: Tx | PrismaClient, source: string): Promise<CompiledRule> {
  const lists = await tx.fraudList.findMany({ select: { alias: true } });
  return withRuleSyntaxProblem(source, () =>
    compileRule("draft", source, {
      attributes: FRAUD_ATTRIBUTES,
      lists: new Set(lists.map((list) => list.alias)),
    }),
  );
}

export const MAX_RULE_LENGTH = 2_000;
