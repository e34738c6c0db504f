import { describe, expect, it } from "vitest";
import { FRAUD_ATTRIBUTES } from "../attributes/fraud-attributes";
import { compileRule } from "./compile-rule";
import { parseDecimal, parseRule } from "./parse-rule";
import { pointAtError, RuleSyntaxError } from "./rule-syntax-error";

/**
 * Rules as Stripe's Radar documentation writes them (the rules reference, the built-in rules,
 * lists, the Radar rules guide), restated here: a merchant moving from Radar pastes these.
 */
const RADAR_DOCUMENTATION_RULES: { rule: string; action: string }[] = [
  { rule: "Block if :risk_level: = 'highest'", action: "block" },
  { rule: "Review if :risk_level: = 'elevated'", action: "review" },
  { rule: "Allow if :amount_in_usd: < 10", action: "allow" },
  { rule: "Allow if :card_country: = 'US' and :risk_level: = 'normal'", action: "allow" },
  { rule: "Block if :risk_level: = 'high'", action: "block" },
  { rule: "Block if :amount_in_usd: > 1000", action: "block" },
  { rule: "Review if :card_country: != 'US'", action: "review" },
  { rule: "Review if :amount_in_usd: > 1000 and :card_country: != :ip_country:", action: "review" },
  { rule: "Block if :card_country: != :ip_country:", action: "block" },
  { rule: "Review if :card_funding: = 'prepaid' and :amount_in_usd: > 1000", action: "review" },
  { rule: "Request 3D Secure if :is_new_customer:", action: "request_3ds" },
  { rule: "Request 3DS if :is_new_customer:", action: "request_3ds" },
  { rule: "Allow if :email: in @trusted_customers", action: "allow" },
  { rule: "Block if :email_domain: in @blocked_domains", action: "block" },
  { rule: "Block if :card_fingerprint: in @blocked_cards", action: "block" },
  { rule: "Review if :ip_address: in @suspicious_ips", action: "review" },
  { rule: "Allow if :ip_address: = '13.112.224.240'", action: "allow" },
  { rule: "Block if :card_country: in ('CA', 'DE', 'AU')", action: "block" },
  { rule: "Block if :ip_country: not in ('US', 'CA', 'GB')", action: "block" },
  { rule: "Block if :cvc_check: = 'fail'", action: "block" },
  { rule: "Block if :address_zip_check: = 'fail'", action: "block" },
  { rule: "Review if :address_zip_check: in ('unavailable', 'unchecked')", action: "review" },
  { rule: "Review if :total_charges_per_email_hourly: > 3", action: "review" },
  { rule: "Block if :declined_charges_per_card_number_daily: >= 5", action: "block" },
  { rule: "Block if :total_charges_per_ip_address_hourly: > 10", action: "block" },
  { rule: "Review if :risk_score: > 65", action: "review" },
  { rule: "Block if :risk_score: >= 85 and not :is_3d_secure_authenticated:", action: "block" },
  { rule: "Request 3D Secure if :amount_in_usd: > 250 and :card_country: != 'US'", action: "request_3ds" },
  { rule: "Block if is_missing(:ip_country:)", action: "block" },
  { rule: "Review if :is_disposable_email: and :amount_in_usd: >= 100", action: "review" },
  { rule: "Block if :email: ~ '%@example.com'", action: "block" },
  {
    rule: "Review if (:card_funding: = 'prepaid' or :card_funding: = 'debit') and :amount_in_usd: > 500",
    action: "review",
  },
  { rule: "Block if :shipping_address_country: != :card_country: and :risk_level: = 'elevated'", action: "block" },
  { rule: "Allow if :email_domain: IN @trusted_domains AND NOT :risk_level: = 'highest'", action: "allow" },
  {
    rule: "Review if :declined_charges_per_email_hourly: > 5 or :declined_charges_per_ip_address_daily: > 10",
    action: "review",
  },
  { rule: "Block if :is_3d_secure: = false and :amount_in_usd: >= 2500.50", action: "block" },
];

describe("parseRule: Radar's documented rules", () => {
  it.each(RADAR_DOCUMENTATION_RULES)("reads $rule", ({ rule, action }) => {
    const parsed = parseRule(rule);
    expect(parsed.action).toBe(action);
    // Every documented rule also type-checks against the attributes PayOps provides.
    expect(() => compileRule("r", rule, { attributes: FRAUD_ATTRIBUTES })).not.toThrow();
  });

  it("holds at least 25 documented rules", () => {
    expect(RADAR_DOCUMENTATION_RULES.length).toBeGreaterThanOrEqual(25);
  });
});

describe("parseRule: the shape it builds", () => {
  it("binds and tighter than or, and parentheses override", () => {
    const loose = parseRule("Block if :email: = 'a' or :email: = 'b' and :currency: = 'usd'");
    expect(loose.condition.kind).toBe("or");
    const grouped = parseRule("Block if (:email: = 'a' or :email: = 'b') and :currency: = 'usd'");
    expect(grouped.condition.kind).toBe("and");
  });

  it("reads numbers as exact millionths", () => {
    expect(parseDecimal("1000")).toBe(1_000_000_000n);
    expect(parseDecimal("0.01")).toBe(10_000n);
    expect(parseDecimal("-2.5")).toBe(-2_500_000n);
  });

  it("keeps quotes inside text", () => {
    const parsed = parseRule("Block if :email: = 'o''brien@example.com'");
    expect(parsed.condition).toMatchObject({ right: { kind: "string", value: "o'brien@example.com" } });
  });
});

const MALFORMED: { rule: string; column: number; problem: RegExp }[] = [
  { rule: "", column: 1, problem: /starts with Block, Review, Allow or Request 3DS/ },
  { rule: "Deny if :email: = 'x'", column: 1, problem: /starts with Block/ },
  { rule: "Block :email: = 'x'", column: 7, problem: /Expected "if"/ },
  { rule: "Request if :is_new_customer:", column: 9, problem: /"3DS" or "3D Secure"/ },
  { rule: "Block if", column: 9, problem: /ends where a value was expected/ },
  { rule: "Block if :email: = ", column: 20, problem: /ends where a value was expected/ },
  { rule: "Block if :email = 'x'", column: 10, problem: /attribute is written :name:/ },
  { rule: "Block if :email: == 'x'", column: 19, problem: /Expected an attribute/ },
  { rule: "Block if :email: = 'x", column: 20, problem: /no closing quote/ },
  { rule: "Block if (:email: = 'x'", column: 24, problem: /Expected "\)" to close the "\(" at column 10/ },
  { rule: "Block if :email: = 'x' and", column: 27, problem: /ends where a value was expected/ },
  { rule: "Block if :email: = 'x' :currency: = 'usd'", column: 24, problem: /Expected "and", "or" or the end/ },
  { rule: "Block if :email: in ('a', 'b'", column: 30, problem: /Expected "," or "\)"/ },
  { rule: "Block if :email: in 'a'", column: 21, problem: /saved list \(@name\) or a list of values/ },
  { rule: "Block if 'a' = 'a' and 5", column: 25, problem: /Expected an operator/ },
  { rule: "Block if :amount_in_usd: > 1.1234567", column: 28, problem: /at most 6 decimal places/ },
  { rule: "Block if :email: = 'x'; drop table", column: 23, problem: /Unexpected character ";"/ },
  { rule: "Block if is_missing(:email:", column: 28, problem: /Expected "\)"/ },
  { rule: "Block if\n  :email: = 'x' or\n  :email: in @", column: 14, problem: /saved list is written @name/ },
];

describe("parseRule: malformed rules", () => {
  it.each(MALFORMED)("rejects $rule at column $column", ({ rule, column, problem }) => {
    let caught: unknown;
    try {
      parseRule(rule);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleSyntaxError);
    const error = caught as RuleSyntaxError;
    expect(error.problem).toMatch(problem);
    expect(error.position.column).toBe(column);
    expect(error.message).toContain(`column ${column}`);
  });

  it("names the line of a problem in a rule written over several lines", () => {
    const rule = "Block if\n  :email: = 'x' or\n  :email: in @";
    const error = (() => {
      try {
        parseRule(rule);
      } catch (caught) {
        return caught as RuleSyntaxError;
      }
    })()!;
    expect(error.position.line).toBe(3);
    expect(pointAtError(rule, error)).toBe("  :email: in @\n             ^ A saved list is written @name");
  });

  it("refuses nesting deeper than any rule needs instead of exhausting the stack", () => {
    const deep = `Block if ${"(".repeat(500)}:email: = 'x'${")".repeat(500)}`;
    expect(() => parseRule(deep)).toThrow(/nested at most 64 deep/);
  });
});

describe("compileRule: checks against the attribute catalogue", () => {
  const catalogue = { attributes: FRAUD_ATTRIBUTES, lists: new Set(["trusted_customers"]) };
  const problems: { rule: string; column: number; problem: RegExp }[] = [
    { rule: "Block if :emial: = 'x'", column: 10, problem: /Unknown attribute :emial:/ },
    { rule: "Block if :amount_in_usd: > 'lots'", column: 26, problem: /Cannot compare a number with text/ },
    { rule: "Block if :email: > 'a'", column: 18, problem: /> compares numbers only/ },
    { rule: "Block if :email:", column: 10, problem: /not a yes\/no attribute/ },
    { rule: "Allow if :email: in @unknown_list", column: 21, problem: /no saved list @unknown_list/ },
    { rule: "Block if :card_country: in ('US', 3)", column: 35, problem: /mixes text with a number/ },
    { rule: "Block if :risk_score: ~ '5%'", column: 23, problem: /~ applies to text attributes only/ },
    { rule: "Block if :risk_score: in @trusted_customers", column: 23, problem: /Saved lists hold text/ },
  ];
  it.each(problems)("rejects $rule at column $column", ({ rule, column, problem }) => {
    expect(() => compileRule("r", rule, catalogue)).toThrow(RuleSyntaxError);
    try {
      compileRule("r", rule, catalogue);
    } catch (error) {
      expect((error as RuleSyntaxError).problem).toMatch(problem);
      expect((error as RuleSyntaxError).position.column).toBe(column);
    }
  });

  it("lists the attributes and saved lists a rule reads", () => {
    const rule = compileRule(
      "r",
      "Allow if :email: in @trusted_customers and :amount_in_usd: < 10 and :email: != 'x'",
      catalogue,
    );
    expect(rule.attributes).toEqual(["email", "amount_in_usd"]);
    expect(rule.lists).toEqual(["trusted_customers"]);
  });
});
