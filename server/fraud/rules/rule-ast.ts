/**
 * The parsed form of a rule in Stripe Radar's syntax (`Review if :amount_in_usd: > 1000`). Parsing
 * never executes anything: a rule is data that `evaluate-condition.ts` walks.
 */

/** Where in the rule's text something starts: 0-based offset, 1-based line and column. */
export type SourcePosition = { offset: number; line: number; column: number };

/** Radar's four actions, in the order Radar gives them precedence. */
export const RULE_ACTIONS = ["request_3ds", "allow", "block", "review"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/**
 * Numbers are exact decimals held as integers of millionths, so `:amount_in_usd: > 1000.01`
 * compares without floating point (an amount is money; money is never a float here).
 */
export const DECIMAL_SCALE = 1_000_000n;
export const MAX_DECIMAL_PLACES = 6;

export type Literal =
  | { kind: "string"; value: string; at: SourcePosition }
  | { kind: "number"; value: bigint; text: string; at: SourcePosition }
  | { kind: "boolean"; value: boolean; at: SourcePosition };

export type AttributeRef = { kind: "attribute"; name: string; at: SourcePosition };

export type Operand = AttributeRef | Literal;

export const COMPARISON_OPERATORS = ["=", "!=", "<", ">", "<=", ">="] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type ListExpression =
  | { kind: "saved_list"; name: string; at: SourcePosition }
  | { kind: "literal_list"; items: Literal[]; at: SourcePosition };

export type Condition =
  | { kind: "and"; left: Condition; right: Condition }
  | { kind: "or"; left: Condition; right: Condition }
  | { kind: "not"; operand: Condition; at: SourcePosition }
  | { kind: "compare"; operator: ComparisonOperator; left: Operand; right: Operand; at: SourcePosition }
  | { kind: "membership"; negated: boolean; subject: Operand; list: ListExpression; at: SourcePosition }
  /** `:email: ~ '%@example.com'`: `%` matches any run of characters, `_` exactly one. */
  | { kind: "like"; subject: AttributeRef; pattern: string; at: SourcePosition }
  /** A boolean attribute on its own: `Request 3DS if :is_new_customer:`. */
  | { kind: "truthy"; attribute: AttributeRef }
  /** `is_missing(:card_country:)`: true when the payment carries no value for the attribute. */
  | { kind: "missing"; attribute: AttributeRef; at: SourcePosition };

export type ParsedRule = { action: RuleAction; condition: Condition; source: string };
