import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FRAUD_ATTRIBUTES } from "../attributes/fraud-attributes";
import type { AttributeValues } from "./attribute-types";
import { type CompiledRule, compileRule } from "./compile-rule";
import { decideRules } from "./decide-rules";
import { type EvaluationContext, matchesPattern } from "./evaluate-condition";
import { RULE_ACTIONS, type RuleAction } from "./rule-ast";

const catalogue = { attributes: FRAUD_ATTRIBUTES };
const USD = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10_000n;

const lists: Record<string, Set<string>> = {
  trusted_customers: new Set(["ada@example.com"]),
  blocked_domains: new Set(["blocked.test"]),
};
const context = (attributes: AttributeValues): EvaluationContext => ({
  attributes,
  lists: { has: (list, value) => lists[list]?.has(value) },
});
const rules = (...sources: string[]) => sources.map((source, index) => compileRule(`r${index + 1}`, source, catalogue));

describe("evaluating conditions", () => {
  const payment: AttributeValues = {
    email: "ada@example.com",
    email_domain: "example.com",
    amount_in_usd: USD(1500),
    card_country: "US",
    ip_country: "GB",
    is_new_customer: true,
    risk_level: "normal",
    risk_score: 12_000_000n,
  };
  const matches = (source: string, attributes: AttributeValues = payment) =>
    decideRules(rules(source), context(attributes)).verdicts[0]!.matched;

  it.each([
    ["Review if :amount_in_usd: > 1000 and :card_country: != :ip_country:", true],
    ["Review if :amount_in_usd: > 1500", false],
    ["Review if :amount_in_usd: >= 1500", true],
    ["Review if :amount_in_usd: <= 1499.99", false],
    ["Allow if :email: in @trusted_customers", true],
    ["Allow if :email: not in @trusted_customers", false],
    ["Block if :email_domain: in @blocked_domains", false],
    ["Block if :card_country: in ('us', 'ca')", true],
    ["Block if :card_country: not in ('US', 'CA')", false],
    ["Request 3DS if :is_new_customer:", true],
    ["Request 3DS if not :is_new_customer:", false],
    ["Block if :risk_score: = 12", true],
    ["Block if :email: ~ '%@EXAMPLE.com'", true],
    ["Block if :email: ~ 'a_a@%'", true],
    ["Block if :email: ~ 'b%'", false],
    ["Block if is_missing(:card_fingerprint:)", true],
    ["Block if is_missing(:card_country:)", false],
    ["Block if :risk_level: = 'NORMAL' or :risk_level: = 'elevated'", true],
  ])("%s → %s", (source, expected) => {
    expect(matches(source)).toBe(expected);
  });

  it("never matches a comparison on an attribute the payment does not have", () => {
    expect(matches("Block if :card_funding: = 'prepaid'")).toBe(false);
    expect(matches("Block if :card_funding: != 'prepaid'")).toBe(false);
    expect(matches("Block if :card_funding: not in ('credit')")).toBe(false);
  });

  it("records a rule whose saved list is gone as not matched, with the reason", () => {
    const decision = decideRules(rules("Block if :email: in @deleted_list"), context(payment));
    expect(decision.verdicts[0]).toEqual({
      ruleId: "r1",
      action: "block",
      matched: false,
      error: "saved list @deleted_list does not exist",
    });
    expect(decision.action).toBe("allow");
  });

  it("matches patterns without regular expressions", () => {
    expect(matchesPattern("a.b*c@example.com", "a.b*c@%")).toBe(true);
    expect(matchesPattern("x".repeat(2000), `${"%x".repeat(50)}y`)).toBe(false);
  });
});

describe("action precedence", () => {
  const payment = context({ email: "ada@example.com", amount_in_usd: USD(2000), is_new_customer: true });

  it("Request 3DS beats Allow, Allow beats Block, Block beats Review, whatever their order", () => {
    const set = rules(
      "Review if :amount_in_usd: > 100",
      "Block if :amount_in_usd: > 1000",
      "Allow if :email: in @trusted_customers",
      "Request 3DS if :is_new_customer:",
    );
    expect(decideRules(set, payment)).toMatchObject({ action: "request_3ds", decidingRuleId: "r4" });
    expect(decideRules(set.slice(0, 3), payment)).toMatchObject({ action: "allow", decidingRuleId: "r3" });
    expect(decideRules(set.slice(0, 2), payment)).toMatchObject({ action: "block", decidingRuleId: "r2" });
    expect(decideRules(set.slice(0, 1), payment)).toMatchObject({ action: "review", decidingRuleId: "r1" });
    expect(decideRules([], payment)).toEqual({ action: "allow", decidingRuleId: null, verdicts: [] });
  });

  it("within an action the first matching rule decides", () => {
    const set = rules(
      "Block if :amount_in_usd: > 5000",
      "Block if :amount_in_usd: > 1000",
      "Block if :amount_in_usd: > 10",
    );
    expect(decideRules(set, payment).decidingRuleId).toBe("r2");
  });
});

describe("rule evaluation properties", () => {
  // Rules over a small attribute space so that matches are frequent and every action appears.
  const actionWord: Record<RuleAction, string> = {
    request_3ds: "Request 3DS",
    allow: "Allow",
    block: "Block",
    review: "Review",
  };
  const condition = fc.oneof(
    fc.integer({ min: 0, max: 100 }).map((n) => `:risk_score: > ${n}`),
    fc.integer({ min: 0, max: 100 }).map((n) => `:total_charges_per_email_hourly: <= ${n}`),
    fc.constantFrom("US", "GB", "FR").map((country) => `:card_country: = '${country}'`),
    fc.constant(":is_new_customer:"),
    fc.constant("not :is_new_customer:"),
    fc.constant(":email: in @trusted_customers"),
  );
  const ruleSource = fc
    .tuple(fc.constantFrom(...RULE_ACTIONS), fc.array(condition, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([action, parts, useOr]) => `${actionWord[action]} if ${parts.join(useOr ? " or " : " and ")}`);
  const ruleSet = fc
    .array(ruleSource, { maxLength: 12 })
    .map((sources) => sources.map((source, index) => compileRule(`r${index}`, source, catalogue)));
  const payment = fc
    .record({
      risk_score: fc.integer({ min: 0, max: 100 }),
      total_charges_per_email_hourly: fc.integer({ min: 0, max: 100 }),
      card_country: fc.constantFrom("US", "GB", "FR", null),
      is_new_customer: fc.boolean(),
      email: fc.constantFrom("ada@example.com", "eve@example.com"),
    })
    .map(({ risk_score, total_charges_per_email_hourly, ...rest }) =>
      context({
        ...rest,
        risk_score: BigInt(risk_score) * 1_000_000n,
        total_charges_per_email_hourly: BigInt(total_charges_per_email_hourly) * 1_000_000n,
      }),
    );

  it("gives the same decision for the same rules and payment", () => {
    fc.assert(
      fc.property(ruleSet, payment, (set, facts) => {
        expect(decideRules(set, facts)).toEqual(decideRules(set, facts));
        const recompiled = set.map((rule) => compileRule(rule.id, rule.source, catalogue));
        expect(decideRules(recompiled, facts)).toEqual(decideRules(set, facts));
      }),
    );
  });

  it("decides by the highest matching action class, then the first match in it", () => {
    fc.assert(
      fc.property(ruleSet, payment, (set, facts) => {
        const decision = decideRules(set, facts);
        const matched = set.filter((_, index) => decision.verdicts[index]!.matched);
        const best = RULE_ACTIONS.find((action) => matched.some((rule) => rule.action === action));
        if (!best) {
          expect(decision).toMatchObject({ action: "allow", decidingRuleId: null });
          return;
        }
        expect(decision.action).toBe(best);
        expect(decision.decidingRuleId).toBe(matched.find((rule) => rule.action === best)!.id);
      }),
    );
  });

  it("is not changed by rules of a lower class, nor by reordering other classes", () => {
    fc.assert(
      fc.property(ruleSet, ruleSet, payment, (set, extra, facts) => {
        const decision = decideRules(set, facts);
        if (decision.decidingRuleId === null) return;
        const rank = RULE_ACTIONS.indexOf(decision.action);
        const lower = extra
          .filter((rule) => RULE_ACTIONS.indexOf(rule.action) > rank)
          .map((rule, index): CompiledRule => ({ ...rule, id: `x${index}` }));
        const withLower = decideRules([...lower, ...set], facts);
        expect(withLower).toMatchObject({ action: decision.action, decidingRuleId: decision.decidingRuleId });
        const others = set.filter((rule) => rule.action !== decision.action).reverse();
        const same = set.filter((rule) => rule.action === decision.action);
        expect(decideRules([...others, ...same], facts).decidingRuleId).toBe(decision.decidingRuleId);
      }),
    );
  });
});
