import type { PrismaClient } from "../db/client";
import { logger } from "../observability/logger";
import { FRAUD_ATTRIBUTES } from "./attributes/fraud-attributes";
import type { AttributeValues } from "./rules/attribute-types";
import { type CompiledRule, compileRule } from "./rules/compile-rule";
import { couldMatch } from "./rules/could-match";
import type { SavedLists } from "./rules/evaluate-condition";

export type RuleSet = {
  rules: (CompiledRule & { version: number })[];
  lists: SavedLists;
  loadedAt: number;
};

const CACHE_MS = 1_000;
let cached: { prisma: PrismaClient; set: RuleSet } | undefined;

/**
 * The enabled rules in the merchant's order and every saved list, compiled once and kept for a
 * second (a checkout must not pay a query per rule). A change made here calls
 * `forgetRuleSet()`, so it applies at once on this instance and within a second on the others.
 * A stored rule that no longer compiles (the catalogue lost an attribute) is skipped and logged.
 */
export async function loadRuleSet(prisma: PrismaClient, now = Date.now()): Promise<RuleSet> {
  if (cached?.prisma === prisma && now - cached.set.loadedAt < CACHE_MS) return cached.set;
  const [rows, items, listRows] = await Promise.all([
    prisma.fraudRule.findMany({
      where: { enabled: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, source: true, version: true },
    }),
    prisma.fraudListItem.findMany({ select: { value: true, list: { select: { alias: true } } } }),
    prisma.fraudList.findMany({ select: { alias: true } }),
  ]);
  const members = new Map<string, Set<string>>(listRows.map((list) => [list.alias, new Set<string>()]));
  for (const item of items) members.get(item.list.alias)?.add(item.value);
  const catalogue = { attributes: FRAUD_ATTRIBUTES, lists: new Set(members.keys()) };
  const rules: RuleSet["rules"] = [];
  for (const row of rows) {
    try {
      rules.push({ ...compileRule(row.id, row.source, catalogue), version: row.version });
    } catch (error) {
      logger.error({ err: error, ruleId: row.id }, "a stored fraud rule no longer compiles; skipped");
    }
  }
  const set: RuleSet = {
    rules,
    lists: { has: (list, value) => members.get(list)?.has(value) },
    loadedAt: now,
  };
  cached = { prisma, set };
  return set;
}

export function forgetRuleSet(): void {
  cached = undefined;
}

const POST_AUTHORISATION_ATTRIBUTES: ReadonlySet<string> = new Set(
  Object.entries(FRAUD_ATTRIBUTES)
    .filter(([, attribute]) => attribute.stage === "post_authorisation")
    .map(([name]) => name),
);

/**
 * Whether a rule in force reads anything only known after authorisation (Radar's risk, the card,
 * its checks) and could still match this payment. Then its PaymentIntent is made with manual
 * capture, so the rule can still hold the money: it is captured at once when the rules pass
 * (README, "Capture"). Given the payment's pre-payment attributes, a rule whose known part is
 * already false (`:email_domain: = 'other.test' and :risk_level: = 'elevated'` for another
 * domain) holds nothing; without them, any such rule holds every payment.
 */
export async function postAuthorisationChecksInForce(
  prisma: PrismaClient,
  prePayment?: AttributeValues,
): Promise<boolean> {
  const set = await loadRuleSet(prisma);
  return set.rules.some(
    (rule) =>
      rule.action !== "request_3ds" &&
      rule.attributes.some((name) => POST_AUTHORISATION_ATTRIBUTES.has(name)) &&
      (!prePayment ||
        couldMatch(rule.condition, { attributes: prePayment, lists: set.lists }, POST_AUTHORISATION_ATTRIBUTES)),
  );
}
