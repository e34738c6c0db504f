import type { PrismaClient } from "../../db/client";
import { logger } from "../../observability/logger";
import { DEFAULT_DEAD_LETTER_AFTER_ATTEMPTS, type JobContext } from "../job-definition";
import type { EffectOutcome, EffectPerformers, OutboxEffectRow } from "./outbox-effect";

/** How long one attempt may hold an effect; a performer that died lets it lapse. */
const LEASE_MS = 60_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 10 * 60_000;

export type PerformResult = {
  effectId: string;
  /** busy: another attempt holds it or it is not due; the others are the effect's status after this attempt. */
  status: "done" | "pending" | "dead" | "busy";
  lastError: string | null;
};

/** The retry delay after `attempts` failures: doubling from 2 s up to 10 min, with jitter. */
export function retryDelayMs(attempts: number): number {
  const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay / 2 + Math.random() * (delay / 2));
}

/**
 * One attempt at one outbox effect: takes a lease on it (so two workers never perform it at the
 * same moment), runs the room's performer, and records the outcome on the effect and in its
 * attempt log. A failure is retried later with backoff; the attempt that reaches the limit parks
 * the effect as a dead letter and says so in the log.
 */
export async function performEffect(
  effectId: string,
  performers: EffectPerformers,
  context: JobContext,
  options: { force?: boolean } = {},
): Promise<PerformResult> {
  const prisma = context.prisma;
  const claimed = await claim(prisma, effectId, options.force ?? false);
  if (!claimed) return { effectId, status: "busy", lastError: null };
  const startedAt = new Date();
  const performer = performers[claimed.kind as keyof EffectPerformers];
  let outcome: EffectOutcome;
  try {
    outcome = performer
      ? await performer(claimed, context)
      : { kind: "retry", error: `no performer is registered for ${claimed.kind}` };
  } catch (error) {
    outcome = { kind: "retry", error: error instanceof Error ? error.message : String(error) };
  }
  const limit = context.deadLetterAfterAttempts ?? DEFAULT_DEAD_LETTER_AFTER_ATTEMPTS;
  return record(prisma, claimed, outcome, startedAt, limit);
}

async function claim(prisma: PrismaClient, effectId: string, force: boolean): Promise<OutboxEffectRow | null> {
  const [row] = await prisma.$queryRaw<OutboxEffectRow[]>`
    UPDATE outbox_effects
       SET attempts = attempts + 1, leased_until = now() + make_interval(secs => ${LEASE_MS / 1000}), updated_at = now()
     WHERE id = ${effectId}::uuid AND status = 'pending'
       AND (leased_until IS NULL OR leased_until < now())
       AND (${force} OR next_attempt_at <= now())
    RETURNING id::text AS id, kind, subject_id AS "subjectId", idempotency_key AS "idempotencyKey", payload, attempts`;
  return row ?? null;
}

async function record(
  prisma: PrismaClient,
  effect: OutboxEffectRow,
  outcome: EffectOutcome,
  startedAt: Date,
  limit: number,
): Promise<PerformResult> {
  const error = outcome.kind === "retry" ? outcome.error.slice(0, 2000) : null;
  const status = outcome.kind === "done" ? "done" : effect.attempts >= limit ? "dead" : "pending";
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(effect.attempts));
  const done = outcome.kind === "done";
  const attemptOutcome = done ? "done" : status === "dead" ? "dead" : "retry";
  // One statement, so recording never waits for a transaction slot while the pool is busy.
  await prisma.$executeRaw`
    WITH updated AS (
      UPDATE outbox_effects
         SET status = ${status}, leased_until = NULL, updated_at = now(),
             result = CASE WHEN ${done} THEN ${done ? outcome.result : null} ELSE result END,
             last_error = ${error},
             completed_at = CASE WHEN ${done} THEN now() ELSE completed_at END,
             next_attempt_at = CASE WHEN ${done} THEN next_attempt_at ELSE ${nextAttemptAt} END
       WHERE id = ${effect.id}::uuid
      RETURNING id)
    INSERT INTO outbox_attempts (id, effect_id, attempt, outcome, error, started_at, finished_at)
    SELECT gen_random_uuid(), id, ${effect.attempts}, ${attemptOutcome}, ${error}, ${startedAt}, now() FROM updated`;
  if (status === "dead") {
    logger.error(
      {
        alert: "dead_letter",
        effectId: effect.id,
        kind: effect.kind,
        subjectId: effect.subjectId,
        attempts: effect.attempts,
        error,
      },
      "outbox effect parked as a dead letter after too many failed attempts",
    );
  } else if (error) {
    logger.warn(
      { effectId: effect.id, kind: effect.kind, attempts: effect.attempts, error },
      "outbox effect failed; will retry",
    );
  }
  return { effectId: effect.id, status, lastError: error };
}
