import type { AttributeValue, AttributeValues } from "./attribute-types";
import type { Condition, Literal, Operand } from "./rule-ast";

export type SavedLists = { has(list: string, value: string): boolean | undefined };

export type EvaluationContext = { attributes: AttributeValues; lists: SavedLists };

export class UnknownListError extends Error {
  constructor(readonly list: string) {
    super(`saved list @${list} does not exist`);
    this.name = "UnknownListError";
  }
}

/**
 * Whether a payment meets a rule's condition. A comparison that involves an attribute the payment
 * has no value for is false (as in Radar: a rule on :card_country: cannot match before a card is
 * known); `is_missing` is how a rule asks about absence. Text compares case-insensitively.
 */
export function evaluateCondition(condition: Condition, context: EvaluationContext): boolean {
  switch (condition.kind) {
    case "and":
      return evaluateCondition(condition.left, context) && evaluateCondition(condition.right, context);
    case "or":
      return evaluateCondition(condition.left, context) || evaluateCondition(condition.right, context);
    case "not":
      return !evaluateCondition(condition.operand, context);
    case "truthy":
      return operandValue(condition.attribute, context) === true;
    case "missing": {
      const value = operandValue(condition.attribute, context);
      return value === null || value === "";
    }
    case "like": {
      const value = operandValue(condition.subject, context);
      return typeof value === "string" && matchesPattern(value, condition.pattern);
    }
    case "compare": {
      const left = operandValue(condition.left, context);
      const right = operandValue(condition.right, context);
      if (left === null || right === null || typeof left !== typeof right) return false;
      return compare(condition.operator, normalise(left), normalise(right));
    }
    case "membership": {
      const subject = operandValue(condition.subject, context);
      if (subject === null) return false;
      let found: boolean;
      if (condition.list.kind === "saved_list") {
        if (typeof subject !== "string") return false;
        const answer = context.lists.has(condition.list.name, subject.toLowerCase());
        if (answer === undefined) throw new UnknownListError(condition.list.name);
        found = answer;
      } else {
        const wanted = normalise(subject);
        found = condition.list.items.some((item: Literal) => normalise(item.value) === wanted);
      }
      return condition.negated ? !found : found;
    }
  }
}

function operandValue(operand: Operand, context: EvaluationContext): AttributeValue {
  if (operand.kind !== "attribute") return operand.value;
  return context.attributes[operand.name] ?? null;
}

function normalise(value: string | bigint | boolean): string | bigint | boolean {
  return typeof value === "string" ? value.toLowerCase() : value;
}

function compare(operator: string, left: string | bigint | boolean, right: string | bigint | boolean): boolean {
  switch (operator) {
    case "=":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "<=":
      return left <= right;
    case ">=":
      return left >= right;
    default:
      return false;
  }
}

/** SQL-LIKE matching without building a regular expression from merchant text. */
export function matchesPattern(value: string, pattern: string): boolean {
  const text = value.toLowerCase();
  const glob = pattern.toLowerCase();
  // Iterative wildcard matching with backtracking to the last %, linear in practice.
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < glob.length && (glob[p] === "_" || glob[p] === text[t])) {
      t++;
      p++;
    } else if (p < glob.length && glob[p] === "%") {
      starP = p++;
      starT = t;
    } else if (starP !== -1) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < glob.length && glob[p] === "%") p++;
  return p === glob.length;
}
