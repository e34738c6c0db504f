import type { AttributeShape, AttributeType } from "./attribute-types";
import { parseRule } from "./parse-rule";
import type { Condition, Operand, ParsedRule, RuleAction, SourcePosition } from "./rule-ast";
import { RuleSyntaxError } from "./rule-syntax-error";

export type CompiledRule = ParsedRule & {
  id: string;
  /** Attributes the rule reads, in the order they appear. */
  attributes: string[];
  /** Saved lists the rule reads. */
  lists: string[];
};

export type RuleCatalogue = {
  attributes: Readonly<Record<string, AttributeShape>>;
  /** Names of the saved lists that exist; omitted, any @name is accepted (checked when evaluated). */
  lists?: ReadonlySet<string>;
};

/**
 * Parses a rule and checks it against the attributes PayOps knows: an unknown attribute, a
 * comparison of a number with text, `<` on text or a bare attribute that is not a yes/no one is
 * an error at the spot, before the rule can ever run.
 */
export function compileRule(id: string, source: string, catalogue: RuleCatalogue): CompiledRule {
  const parsed = parseRule(source);
  const attributes: string[] = [];
  const lists: string[] = [];

  const typeOf = (operand: Operand): AttributeType => {
    if (operand.kind !== "attribute") return operand.kind;
    const shape = catalogue.attributes[operand.name];
    if (!shape) throw new RuleSyntaxError(`Unknown attribute :${operand.name}:`, operand.at);
    if (!attributes.includes(operand.name)) attributes.push(operand.name);
    return shape.type;
  };
  const requireType = (operand: Operand, expected: AttributeType, problem: string, at: SourcePosition) => {
    if (typeOf(operand) !== expected) throw new RuleSyntaxError(problem, at);
  };

  const check = (condition: Condition): void => {
    switch (condition.kind) {
      case "and":
      case "or":
        check(condition.left);
        check(condition.right);
        return;
      case "not":
        check(condition.operand);
        return;
      case "truthy":
        requireType(
          condition.attribute,
          "boolean",
          `:${condition.attribute.name}: is not a yes/no attribute; compare it with a value`,
          condition.attribute.at,
        );
        return;
      case "missing":
        typeOf(condition.attribute);
        return;
      case "like":
        requireType(condition.subject, "string", `~ applies to text attributes only`, condition.at);
        return;
      case "compare": {
        const left = typeOf(condition.left);
        const right = typeOf(condition.right);
        if (left !== right) {
          throw new RuleSyntaxError(`Cannot compare ${typeName(left)} with ${typeName(right)}`, condition.at);
        }
        if (left !== "number" && !["=", "!="].includes(condition.operator)) {
          throw new RuleSyntaxError(`${condition.operator} compares numbers only`, condition.at);
        }
        return;
      }
      case "membership": {
        const subject = typeOf(condition.subject);
        if (subject === "boolean") throw new RuleSyntaxError(`"in" needs text or a number on its left`, condition.at);
        if (condition.list.kind === "saved_list") {
          const name = condition.list.name;
          if (catalogue.lists && !catalogue.lists.has(name)) {
            throw new RuleSyntaxError(`There is no saved list @${name}`, condition.list.at);
          }
          if (subject !== "string") {
            throw new RuleSyntaxError(`Saved lists hold text; compare a text attribute with @${name}`, condition.at);
          }
          if (!lists.includes(name)) lists.push(name);
          return;
        }
        for (const item of condition.list.items) {
          if (item.kind !== subject) {
            throw new RuleSyntaxError(`This list mixes ${typeName(subject)} with ${typeName(item.kind)}`, item.at);
          }
        }
        return;
      }
    }
  };
  check(parsed.condition);
  return { ...parsed, id, attributes, lists };
}

function typeName(type: AttributeType): string {
  return type === "string" ? "text" : type === "number" ? "a number" : "true/false";
}

export type { RuleAction };
