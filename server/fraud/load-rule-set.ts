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
let cached: { prisma: PrismaClient; set: RuleSet; version: bigint | null; checkedAt: number } | undefined;
let checking: { prisma: PrismaClient; promise: Promise<RuleSet> } | undefined;
/** Raised by `forgetRuleSet`, so a check already under way cannot put back what was forgotten. */
let generation = 0;

/** The rule set's version (fraud_rule_set_state, raised by triggers on every change); null without the row. */
async function readVersion(prisma: PrismaClient): Promise<bigint | null> {
  const [row] = await prisma.$queryRaw<{ version: bigint }[]>`SELECT version FROM fraud_rule_set_state WHERE id = 1`;
  return row?.version ?? null;
}

/**
 * The enabled rules in the merchant's order and every saved list, compiled once and kept (a
 * checkout must not pay a query per rule, nor a reload of every list). Once a second the
 * cache asks one small row whether anything changed (every change to the rules or the lists
 * raises its version, through triggers) and reloads only then; a change made here also calls
 * `forgetRuleSet()`, so it applies at once on this instance and within a second on the others.
 * A stored rule that no longer compiles (the catalogue lost an attribute) is skipped and logged.
 */
export async function loadRuleSet(prisma: PrismaClient, now = Date.now()): Promise<RuleSet> {
  const current = cached;
  if (current?.prisma === prisma && now - current.checkedAt < CACHE_MS) return current.set;
  // One check at a time: checkouts arriving together share it.
  if (checking?.prisma === prisma) return checking.promise;
  const promise = refresh(prisma, current?.prisma === prisma ? current : undefined, now).finally(() => {
    if (checking?.promise === promise) checking = undefined;
  });
  checking = { prisma, promise };
  return promise;
}

async function refresh(prisma: PrismaClient, current: typeof cached, now: number): Promise<RuleSet> {
  const started = generation;
  // The version is read before the rules, so a change committed in between reloads next time.
  const version = await readVersion(prisma);
  if (current && version !== null && version === current.version) {
    if (started === generation) cached = { ...current, checkedAt: now };
    return current.set;
  }
  const set = await loadFresh(prisma, now);
  if (started === generation) cached = { prisma, set, version, checkedAt: now };
  return set;
}

async function loadFresh(prisma: PrismaClient, now: number): Promise<RuleSet> {
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
  return { rules, lists: { has: (list, value) => members.get(list)?.has(value) }, loadedAt: now };
}

export function forgetRuleSet(): void {
  generation++;
  cached = undefined;
  checking = undefined;
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
