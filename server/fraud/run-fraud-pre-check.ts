import {
  allowEverything,
  type FraudCheckInput,
  type FraudHook,
  type FraudOutcome,
  type HookDecision,
} from "./fraud-hook";
import { FraudHookFailure } from "./hooks/fraud-hook-failure";
import type { HookVerdict } from "./record-fraud-decision";

export const HOOK_SEVERITY: Record<FraudOutcome, number> = { allow: 0, review: 1, block: 2 };

let configuredHooks: readonly FraudHook[] = [allowEverything];

/** Replaces the hooks checkout consults (merchant hooks register here at start-up). */
export function setFraudHooks(hooks: readonly FraudHook[]): void {
  configuredHooks = hooks.length > 0 ? hooks : [allowEverything];
}

export function fraudHooks(): readonly FraudHook[] {
  return configuredHooks;
}

export type HookAnswer = HookDecision & { verdicts: HookVerdict[] };

/**
 * Asks every hook and keeps the most severe answer, with the reasons of every hook that gave it.
 * A hook that throws counts as review: a broken hook must neither wave an order through nor turn
 * a customer away, and a person looks at it before any money is captured. Each hook's own answer
 * (and how long it took) is kept for the stored decision.
 */
export async function runFraudPreCheck(
  input: FraudCheckInput,
  hooks: readonly FraudHook[] = configuredHooks,
): Promise<HookAnswer> {
  const verdicts = await Promise.all(
    hooks.map(async (hook): Promise<HookVerdict> => {
      const started = performance.now();
      try {
        const decision = await hook.decide(input);
        return {
          hook: hook.name,
          outcome: decision.outcome,
          reasons: decision.reasons.map((reason) => `${hook.name}: ${reason}`),
          durationMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        if (error instanceof FraudHookFailure) {
          return {
            hook: hook.name,
            outcome: error.outcome,
            reasons: [`${hook.name}: ${error.message}`],
            error: error.message,
            durationMs: Math.round(performance.now() - started),
          };
        }
        return {
          hook: hook.name,
          outcome: "review",
          reasons: [`${hook.name}: the check failed`],
          error: error instanceof Error ? error.message : String(error),
          durationMs: Math.round(performance.now() - started),
        };
      }
    }),
  );
  const worst = verdicts.reduce<FraudOutcome>(
    (current, verdict) => (HOOK_SEVERITY[verdict.outcome] > HOOK_SEVERITY[current] ? verdict.outcome : current),
    "allow",
  );
  return {
    outcome: worst,
    reasons: verdicts.filter((verdict) => verdict.outcome === worst).flatMap((verdict) => verdict.reasons),
    verdicts,
  };
}
