import type { Tx } from "../../db/client";
import type { EffectKind } from "./outbox-effect";

/**
 * Writes an outside effect into the outbox inside the caller's transaction, so it exists exactly
 * when the state change that wants it commits. The idempotency key is the one sent outside; a
 * second enqueue with the same key returns the first effect.
 */
export async function enqueueEffect(
  tx: Tx,
  effect: { kind: EffectKind; subjectId: string; idempotencyKey: string; payload?: Record<string, unknown> },
): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO outbox_effects (id, kind, subject_id, idempotency_key, payload, updated_at)
    VALUES (gen_random_uuid(), ${effect.kind}, ${effect.subjectId}, ${effect.idempotencyKey},
            ${JSON.stringify(effect.payload ?? {})}::jsonb, now())
    ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
    RETURNING id::text AS id`;
  return row!.id;
}

/** Makes an effect due now again (a person pressed "send again", or replayed a dead letter). */
export async function makeEffectDue(tx: Tx, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    UPDATE outbox_effects
       SET status = 'pending', next_attempt_at = now(), leased_until = NULL, updated_at = now(),
           attempts = CASE WHEN status = 'dead' THEN 0 ELSE attempts END
     WHERE idempotency_key = ${idempotencyKey} AND status IN ('pending', 'dead')
    RETURNING id::text AS id`;
  return row?.id ?? null;
}
