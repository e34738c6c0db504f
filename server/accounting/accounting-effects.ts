import type { EffectPerformers } from "../jobs/outbox/outbox-effect";
import { type AccountingDeps, accountingDepsFromEnv } from "./accounting-deps";
import { sendJournal } from "./send-journal";

export const JOURNAL_EFFECT = "accounting.journal.post" as const;

/** The accounting room's outside effects; deps default to the environment's configuration. */
export function accountingEffects(depsOf?: (prisma: AccountingDeps["prisma"]) => AccountingDeps): EffectPerformers {
  return {
    [JOURNAL_EFFECT]: (effect, context) =>
      sendJournal((depsOf ?? accountingDepsFromEnv)(context.prisma), effect.subjectId, effect.attempts),
  };
}
