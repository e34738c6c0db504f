import type { JobContext } from "../job-definition";
import type { EffectPerformers } from "./outbox-effect";
import { performEffect } from "./perform-effect";

const BATCH = 100;

/**
 * The outbox's recovery: performs every effect that is due (never tried because the process died
 * after commit, or waiting out its backoff) and whose lease, if any, has lapsed. Only the kinds it
 * was given performers for: a dispatcher for some rooms (a script, a test) leaves the others'
 * effects owed rather than spending their attempts. The app's registry performs every kind.
 */
export async function dispatchDueEffects(
  performers: EffectPerformers,
  context: JobContext,
): Promise<{ attempted: number; done: number }> {
  const kinds = Object.keys(performers);
  const due = await context.prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM outbox_effects
     WHERE status = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
       AND kind = ANY(${kinds}::text[])
     ORDER BY next_attempt_at
     LIMIT ${BATCH}`;
  let done = 0;
  for (const { id } of due) {
    const result = await performEffect(id, performers, context);
    if (result.status === "done") done += 1;
  }
  return { attempted: due.length, done };
}
