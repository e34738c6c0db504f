import {
  allowEverything,
  type FraudCheckInput,
  type FraudDecision,
  type FraudHook,
  type FraudOutcome,
} from "./fraud-hook";

const SEVERITY: Record<FraudOutcome, number> = { allow: 0, review: 1, block: 2 };

let configuredHooks: readonly FraudHook[] = [allowEverything];

/** Replaces the hooks checkout consults (rules register here at start-up). */
export function setFraudHooks(hooks: readonly FraudHook[]): void {
  configuredHooks = hooks.length > 0 ? hooks : [allowEverything];
}

export function fraudHooks(): readonly FraudHook[] {
  return configuredHooks;
}

/**
 * Asks every hook and keeps the most severe answer, with the reasons of every hook that gave it.
 * A hook that throws counts as review: a broken rule must neither wave an order through nor turn
 * a customer away, and a person looks at it before any money is captured.
 */
export async function runFraudPreCheck(
  input: FraudCheckInput,
  hooks: readonly FraudHook[] = configuredHooks,
): Promise<FraudDecision> {
  const answers = await Promise.all(
    hooks.map(async (hook): Promise<FraudDecision> => {
      try {
        const decision = await hook.decide(input);
        return { outcome: decision.outcome, reasons: decision.reasons.map((reason) => `${hook.name}: ${reason}`) };
      } catch {
        return { outcome: "review", reasons: [`${hook.name}: the check failed`] };
      }
    }),
  );
  const worst = answers.reduce<FraudOutcome>(
    (current, answer) => (SEVERITY[answer.outcome] > SEVERITY[current] ? answer.outcome : current),
    "allow",
  );
  return { outcome: worst, reasons: answers.filter((answer) => answer.outcome === worst).flatMap((a) => a.reasons) };
}
