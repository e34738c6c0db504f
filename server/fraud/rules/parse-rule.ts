import {
  type AttributeRef,
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  type Condition,
  DECIMAL_SCALE,
  type ListExpression,
  type Literal,
  MAX_DECIMAL_PLACES,
  type Operand,
  type ParsedRule,
  type RuleAction,
  type SourcePosition,
} from "./rule-ast";
import { positionAt, RuleSyntaxError } from "./rule-syntax-error";
import { type Token, tokenizeRule } from "./tokenize-rule";

export const MAX_RULE_LENGTH = 5_000;
/** Deeper nesting than any real rule needs; it keeps a hostile rule from exhausting the stack. */
const MAX_NESTING = 64;

/**
 * Reads one rule in Stripe Radar's syntax with a recursive-descent parser:
 *
 *   rule       := action "if" condition
 *   action     := "Block" | "Review" | "Allow" | "Request" ("3DS" | "3D" "Secure")
 *   condition  := conjunct ("or" conjunct)*
 *   conjunct   := negation ("and" negation)*
 *   negation   := "not" negation | "(" condition ")" | predicate
 *   predicate  := "is_missing" "(" attribute ")"
 *               | operand (comparison operand | ["not"] "in" list | "~" string)?
 *   list       := "@" name | "(" literal ("," literal)* ")" | "[" literal ("," literal)* "]"
 *
 * Keywords are case-insensitive, as in Radar. A bare operand is allowed only when it is an
 * attribute (a boolean one, checked against the catalogue when the rule is compiled).
 */
export function parseRule(source: string): ParsedRule {
  if (source.length > MAX_RULE_LENGTH) {
    throw new RuleSyntaxError(
      `A rule may be at most ${MAX_RULE_LENGTH} characters`,
      positionAt(source, MAX_RULE_LENGTH),
    );
  }
  return new RuleParser(source).parse();
}

class RuleParser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenizeRule(source);
  }

  parse(): ParsedRule {
    const action = this.action();
    if (!this.acceptWord("if")) this.fail(`Expected "if" after the action`);
    const condition = this.condition();
    if (this.peek().kind !== "end") this.fail(`Expected "and", "or" or the end of the rule`);
    return { action, condition, source: this.source };
  }

  private action(): RuleAction {
    const word = this.peek();
    const text = word.kind === "word" ? word.text.toLowerCase() : "";
    if (text === "block" || text === "review" || text === "allow") {
      this.index++;
      return text;
    }
    if (text === "request") {
      this.index++;
      if (this.acceptWord("3ds")) return "request_3ds";
      if (this.acceptWord("3d") && this.acceptWord("secure")) return "request_3ds";
      this.fail(`Expected "3DS" or "3D Secure" after "Request"`);
    }
    return this.fail(`A rule starts with Block, Review, Allow or Request 3DS`);
  }

  private condition(): Condition {
    this.enter();
    let left = this.conjunct();
    while (this.acceptWord("or")) left = { kind: "or", left, right: this.conjunct() };
    this.depth--;
    return left;
  }

  private conjunct(): Condition {
    let left = this.negation();
    while (this.acceptWord("and")) left = { kind: "and", left, right: this.negation() };
    return left;
  }

  private negation(): Condition {
    const token = this.peek();
    if (this.acceptWord("not")) {
      this.enter();
      const operand = this.negation();
      this.depth--;
      return { kind: "not", operand, at: this.at(token) };
    }
    if (token.kind === "(") {
      this.index++;
      const inner = this.condition();
      this.expect(")", `Expected ")" to close the "(" at column ${this.at(token).column}`);
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Condition {
    const start = this.peek();
    if (start.kind === "word" && start.text.toLowerCase() === "is_missing") {
      this.index++;
      this.expect("(", `Expected "(" after is_missing`);
      const attribute = this.attribute(`is_missing takes an attribute, such as is_missing(:card_country:)`);
      this.expect(")", `Expected ")" after the attribute`);
      return { kind: "missing", attribute, at: this.at(start) };
    }
    const left = this.operand();
    const next = this.peek();
    if (next.kind === "operator" && next.text === "~") {
      this.index++;
      if (left.kind !== "attribute") this.failAt(start, "The left side of ~ must be an attribute");
      const pattern = this.peek();
      if (pattern.kind !== "string") this.fail(`Expected a quoted pattern after ~`);
      this.index++;
      return { kind: "like", subject: left as AttributeRef, pattern: pattern.text, at: this.at(next) };
    }
    if (next.kind === "operator") {
      this.index++;
      const operator = next.text as ComparisonOperator;
      if (!COMPARISON_OPERATORS.includes(operator)) this.failAt(next, `Unknown operator ${next.text}`);
      return { kind: "compare", operator, left, right: this.operand(), at: this.at(next) };
    }
    const negated = this.isWord(next, "not") && this.isWord(this.peek(1), "in");
    if (negated || this.isWord(next, "in")) {
      this.index += negated ? 2 : 1;
      return { kind: "membership", negated, subject: left, list: this.list(), at: this.at(next) };
    }
    if (left.kind !== "attribute") {
      this.fail(`Expected an operator (=, !=, <, >, <=, >=, in, not in, ~) after the value`);
    }
    return { kind: "truthy", attribute: left as AttributeRef };
  }

  private list(): ListExpression {
    const token = this.peek();
    if (token.kind === "list") {
      this.index++;
      return { kind: "saved_list", name: token.text, at: this.at(token) };
    }
    if (token.kind !== "(" && token.kind !== "[") {
      this.fail(`Expected a saved list (@name) or a list of values in parentheses after "in"`);
    }
    this.index++;
    const close = token.kind === "(" ? ")" : "]";
    const items: Literal[] = [this.literal()];
    while (this.peek().kind === ",") {
      this.index++;
      items.push(this.literal());
    }
    this.expect(close, `Expected "," or "${close}" in the list`);
    return { kind: "literal_list", items, at: this.at(token) };
  }

  private operand(): Operand {
    const token = this.peek();
    if (token.kind === "attribute") {
      this.index++;
      return { kind: "attribute", name: token.text, at: this.at(token) };
    }
    return this.literal();
  }

  private literal(): Literal {
    const token = this.peek();
    const at = this.at(token);
    if (token.kind === "string") {
      this.index++;
      return { kind: "string", value: token.text, at };
    }
    if (token.kind === "number") {
      this.index++;
      return { kind: "number", value: parseDecimal(token.text), text: token.text, at };
    }
    if (this.isWord(token, "true") || this.isWord(token, "false")) {
      this.index++;
      return { kind: "boolean", value: token.text.toLowerCase() === "true", at };
    }
    if (token.kind === "end") return this.fail("The rule ends where a value was expected");
    return this.fail(`Expected an attribute (:name:), a quoted text, a number, true or false`);
  }

  private attribute(problem: string): AttributeRef {
    const token = this.peek();
    if (token.kind !== "attribute") this.fail(problem);
    this.index++;
    return { kind: "attribute", name: token.text, at: this.at(token) };
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) this.fail(`Conditions may be nested at most ${MAX_NESTING} deep`);
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === "word" && token.text.toLowerCase() === word;
  }

  private acceptWord(word: string): boolean {
    if (!this.isWord(this.peek(), word)) return false;
    this.index++;
    return true;
  }

  private expect(kind: Token["kind"], problem: string): void {
    if (this.peek().kind !== kind) this.fail(problem);
    this.index++;
  }

  private at(token: Token): SourcePosition {
    return positionAt(this.source, token.offset);
  }

  private fail(problem: string): never {
    return this.failAt(this.peek(), problem);
  }

  private failAt(token: Token, problem: string): never {
    throw new RuleSyntaxError(problem, this.at(token));
  }
}

/** "1000.5" → 1000500000n (millionths); the tokenizer has already bounded the decimal places. */
export function parseDecimal(text: string): bigint {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const value = BigInt(whole) * DECIMAL_SCALE + BigInt(fraction.padEnd(MAX_DECIMAL_PLACES, "0") || "0");
  return negative ? -value : value;
}
