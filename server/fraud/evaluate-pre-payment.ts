import { isIP } from "node:net";
import type { PrismaClient } from "../db/client";
import { logger } from "../observability/logger";
import { attributesForStorage, collectPrePaymentAttributes } from "./attributes/collect-pre-payment-attributes";
import { customerHistory } from "./attributes/customer-history";
import type { UsdRateTable } from "./attributes/usd-rates";
import type { CheckoutOutcome, FraudCheckInput, FraudDecision, FraudHook } from "./fraud-hook";
import { loadRuleSet } from "./load-rule-set";
import type { FraudDecisionRecord } from "./record-fraud-decision";
import { decideRules, type RulesDecision } from "./rules/decide-rules";
import { HOOK_SEVERITY, type HookAnswer, runFraudPreCheck } from "./run-fraud-pre-check";
import { NO_COUNTS, subjectKey, type VelocityStore, type VelocitySubject } from "./velocity/velocity-store";

export type PrePaymentDependencies = {
  prisma: PrismaClient;
  velocity: VelocityStore;
  rates: UsdRateTable;
  hooks: readonly FraudHook[];
  now?: () => Date;
};

export type PrePaymentDecision = FraudDecision & { record: FraudDecisionRecord };

/**
 * The fraud decision before a PaymentIntent exists: the merchant's rules over the attributes
 * known now (checkout form, customer history, velocity), and the merchant hooks. The attempt is
 * recorded with the same call that reads the counts, and the counts stop before it, so a rule on
 * :total_charges_per_email_hourly: counts earlier attempts, not this one. A velocity store that cannot answer leaves the velocity attributes
 * unset (no velocity rule matches) and the decision says so.
 */
export async function evaluatePrePayment(
  input: FraudCheckInput,
  deps: PrePaymentDependencies,
): Promise<PrePaymentDecision> {
  const started = performance.now();
  const at = deps.now?.() ?? new Date();
  const email: VelocitySubject = { kind: "email", value: input.email };
  const ip: VelocitySubject | null =
    input.ipAddress && isIP(input.ipAddress) ? { kind: "ip_address", value: input.ipAddress } : null;
  const subjects = ip ? [email, ip] : [email];
  const notes: string[] = [];

  const [ruleSet, history, counts, hooks] = await Promise.all([
    loadRuleSet(deps.prisma),
    customerHistory(deps.prisma, input.email),
    // One round trip: the counts before this attempt, and the attempt itself.
    deps.velocity.countAndRecord(subjects, "attempt", at).catch((error: unknown) => {
      logger.warn({ err: error, store: deps.velocity.name }, "fraud velocity counts unavailable");
      notes.push("velocity counters unavailable");
      return null;
    }),
    runFraudPreCheck(input, deps.hooks),
  ]);
  const attributes = collectPrePaymentAttributes(
    {
      email: input.email,
      currency: input.currency,
      totalMinor: input.totalMinor,
      shippingCountry: input.shippingCountry,
      ipAddress: ip?.value ?? null,
      ipCountry: input.ipCountry ?? null,
    },
    {
      rates: deps.rates,
      history,
      emailVelocity: counts?.get(subjectKey(email)) ?? NO_COUNTS,
      ipVelocity: ip ? (counts?.get(subjectKey(ip)) ?? NO_COUNTS) : null,
    },
  );
  if (!counts)
    for (const name of Object.keys(attributes))
      if (name.includes("_charges_per_")) delete attributes[name as keyof typeof attributes];

  const rules = decideRules(ruleSet.rules, { attributes, lists: ruleSet.lists });
  const outcome = combineOutcome(rules, hooks);
  const decidingRule = ruleSet.rules.find((rule) => rule.id === rules.decidingRuleId);
  const reasons = [
    ...(decidingRule ? [`rule: ${decidingRule.source}`] : []),
    ...(outcome === "allow" && decidingRule ? [] : hooks.outcome === "allow" ? [] : hooks.reasons),
    ...notes,
  ];

  const versions = new Map(ruleSet.rules.map((rule) => [rule.id, rule.version]));
  return {
    outcome,
    reasons,
    record: {
      stage: "pre_payment",
      action: outcome,
      decidingRuleId: rules.decidingRuleId,
      attributes: attributesForStorage(attributes),
      ruleVerdicts: rules.verdicts.map((verdict) => ({ ...verdict, version: versions.get(verdict.ruleId) ?? 1 })),
      hookVerdicts: hooks.verdicts,
      reasons,
      durationMicros: Math.round((performance.now() - started) * 1000),
    },
  };
}

const CHECKOUT_SEVERITY: Record<CheckoutOutcome, number> = { allow: 0, request_3ds: 1, review: 2, block: 3 };

/**
 * Rules decide by Radar's precedence; merchant hooks can only make the answer stricter, except
 * that an explicit Allow rule (a trusted customer list) wins over them, as it wins over Block
 * rules in Radar.
 */
export function combineOutcome(rules: RulesDecision, hooks: Pick<HookAnswer, "outcome">): CheckoutOutcome {
  if (rules.action === "allow" && rules.decidingRuleId !== null) return "allow";
  const fromHooks: CheckoutOutcome = HOOK_SEVERITY[hooks.outcome] > 0 ? hooks.outcome : "allow";
  return CHECKOUT_SEVERITY[fromHooks] > CHECKOUT_SEVERITY[rules.action] ? fromHooks : rules.action;
}
