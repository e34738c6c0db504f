import { type EvaluationContext, evaluateCondition, UnknownListError } from "./evaluate-condition";
import type { Condition, Operand } from "./rule-ast";

/**
 * Whether a rule's condition can still be met once the attributes in `unknown` are known:
 * false only when the known attributes already settle it as false, whatever the unknown ones
 * turn out to be (three-valued logic: a comparison on an unknown attribute is undecided; `and`
 * with a false side is false, `or` with a true side is true; `not` keeps undecided). Used before
 * payment to ask whether a post-authorisation rule could still hold this payment.
 */
export function couldMatch(condition: Condition, context: EvaluationContext, unknown: ReadonlySet<string>): boolean {
  return settle(condition, context, unknown) !== false;
}

function settle(condition: Condition, context: EvaluationContext, unknown: ReadonlySet<string>): boolean | undefined {
  switch (condition.kind) {
    case "and": {
      const left = settle(condition.left, context, unknown);
      if (left === false) return false;
      const right = settle(condition.right, context, unknown);
      if (right === false) return false;
      return left === true && right === true ? true : undefined;
    }
    case "or": {
      const left = settle(condition.left, context, unknown);
      if (left === true) return true;
      const right = settle(condition.right, context, unknown);
      if (right === true) return true;
      return left === false && right === false ? false : undefined;
    }
    case "not": {
      const operand = settle(condition.operand, context, unknown);
      return operand === undefined ? undefined : !operand;
    }
    default: {
      if (operandsOf(condition).some((operand) => operand.kind === "attribute" && unknown.has(operand.name))) {
        return undefined;
      }
      try {
        return evaluateCondition(condition, context);
      } catch (error) {
        if (error instanceof UnknownListError) return undefined;
        throw error;
      }
    }
  }
}

function operandsOf(condition: Condition): Operand[] {
  switch (condition.kind) {
    case "compare":
      return [condition.left, condition.right];
    case "membership":
    case "like":
      return [condition.subject];
    case "truthy":
    case "missing":
      return [condition.attribute];
    default:
      return [];
  }
}
