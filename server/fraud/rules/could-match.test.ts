import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FRAUD_ATTRIBUTES } from "../attributes/fraud-attributes";
import type { AttributeValues } from "./attribute-types";
import { compileRule } from "./compile-rule";
import { couldMatch } from "./could-match";
import { type EvaluationContext, evaluateCondition } from "./evaluate-condition";

const POST_AUTHORISATION = new Set(
  Object.entries(FRAUD_ATTRIBUTES)
    .filter(([, attribute]) => attribute.stage === "post_authorisation")
    .map(([name]) => name),
);
const context = (attributes: AttributeValues): EvaluationContext => ({
  attributes,
  lists: { has: (_list, value) => value === "ada@example.com" },
});
const condition = (source: string) => compileRule("r", source, { attributes: FRAUD_ATTRIBUTES }).condition;
const beforePayment: AttributeValues = { email: "ada@example.com", email_domain: "example.com", amount: 5000_000000n };

describe("whether a rule could still match after authorisation", () => {
  it.each([
    ["Review if :risk_level: = 'elevated'", true],
    ["Review if :risk_level: = 'elevated' and :email_domain: = 'other.test'", false],
    ["Review if :email_domain: = 'other.test' and :risk_level: = 'elevated'", false],
    ["Review if :risk_level: = 'elevated' and :email_domain: = 'example.com'", true],
    ["Review if :email_domain: = 'other.test' or :risk_level: = 'elevated'", true],
    ["Block if not (:email_domain: = 'example.com') and :card_country: = 'US'", false],
    ["Block if not (:email_domain: = 'other.test' and :card_funding: = 'prepaid')", true],
    ["Review if is_missing(:card_country:) and :email: in @trusted", true],
    ["Review if :cvc_check: = 'fail' and :email: not in @trusted", false],
  ])("%s → %s", (source, expected) => {
    expect(couldMatch(condition(source), context(beforePayment), POST_AUTHORISATION)).toBe(expected);
  });

  it("never says no to a payment the rule then matches, whatever the charge says", () => {
    const sources = [
      "Review if :risk_level: = 'elevated' and :email_domain: = 'example.com'",
      "Block if (:card_country: = 'US' or :email_domain: = 'other.test') and not :is_3d_secure:",
      "Review if not (:risk_level: in ('normal', 'elevated') or :amount: > 100)",
      "Block if :cvc_check: != 'pass' or (:email: in @trusted and :card_funding: = 'prepaid')",
    ];
    const charge = fc.record({
      risk_level: fc.constantFrom("normal", "elevated", "highest", null),
      card_country: fc.constantFrom("US", "GB", null),
      is_3d_secure: fc.constantFrom(true, false, null),
      cvc_check: fc.constantFrom("pass", "fail", null),
      card_funding: fc.constantFrom("credit", "prepaid", null),
    });
    const pre = fc.record({
      email: fc.constantFrom("ada@example.com", "bob@example.com"),
      email_domain: fc.constantFrom("example.com", "other.test"),
      amount: fc.constantFrom(50n, 5000_000000n),
    });
    fc.assert(
      fc.property(fc.constantFrom(...sources), pre, charge, (source, known, later) => {
        const rule = condition(source);
        const matchesLater = evaluateCondition(rule, context({ ...known, ...later }));
        if (matchesLater) expect(couldMatch(rule, context(known), POST_AUTHORISATION)).toBe(true);
      }),
    );
  });
});
