import type Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient, Tx } from "../db/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { emit } from "../jobs/emit";
import { logger } from "../observability/logger";
import { processStripeEvent } from "../webhooks/process-stripe-event";

export type DeadLetterRef = { source: "inbox" | "outbox"; id: string };
type Deps = { prisma: PrismaClient; stripe: Stripe };
type Actor = { id: string };

/**
 * Gives a dead letter another go once its cause is fixed, audited with the reason: an inbox event
 * is processed again at once (its attempts start over), an outbox effect is made due and the
 * dispatcher is asked to run. Says what happened.
 */
export async function replayDeadLetter(
  ref: DeadLetterRef,
  input: { reason: string; actor: Actor },
  deps: Deps,
): Promise<{ outcome: string }> {
  await resolveDeadLetter(ref, input, deps.prisma, "dead_letter.replayed", {
    inbox: (tx, id) => tx.$executeRaw`
      UPDATE stripe_events SET dead_at = NULL, attempts = 0
       WHERE stripe_event_id = ${id} AND dead_at IS NOT NULL AND processed_at IS NULL`,
    outbox: (tx, id) => tx.$executeRaw`
      UPDATE outbox_effects SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL, updated_at = now()
       WHERE id = ${id}::uuid AND status = 'dead'`,
  });
  if (ref.source === "outbox") {
    await emit("jobs/outbox.redrive-requested", {});
    return { outcome: "queued to be sent again" };
  }
  try {
    const result = await processStripeEvent(ref.id, deps);
    return { outcome: result.outcome === "applied" ? "processed and applied" : "processed" };
  } catch (error) {
    // The error stays in the log and on the event's row; the screen only says what happens next.
    logger.warn({ err: error, stripeEventId: ref.id }, "replayed dead letter failed again");
    return { outcome: "failed again; it will be retried" };
  }
}

/** Sets a dead letter aside for good, audited with the reason; it then counts as processed. */
export async function discardDeadLetter(
  ref: DeadLetterRef,
  input: { reason: string; actor: Actor },
  deps: Pick<Deps, "prisma">,
): Promise<void> {
  await resolveDeadLetter(ref, input, deps.prisma, "dead_letter.discarded", {
    inbox: (tx, id) => tx.$executeRaw`
      UPDATE stripe_events SET processed_at = now(), outcome = 'discarded'
       WHERE stripe_event_id = ${id} AND dead_at IS NOT NULL AND processed_at IS NULL`,
    outbox: (tx, id) => tx.$executeRaw`
      UPDATE outbox_effects SET status = 'discarded', completed_at = now(), updated_at = now()
       WHERE id = ${id}::uuid AND status = 'dead'`,
  });
}

/** Changes one dead letter with the statement for its source and audits it, in one transaction. */
async function resolveDeadLetter(
  ref: DeadLetterRef,
  input: { reason: string; actor: Actor },
  prisma: PrismaClient,
  action: "dead_letter.replayed" | "dead_letter.discarded",
  update: Record<DeadLetterRef["source"], (tx: Tx, id: string) => Promise<number>>,
): Promise<void> {
  const reason = requireReason(input.reason);
  await runTransaction(prisma, async (tx) => {
    const changed = await update[ref.source](tx, ref.id);
    if (changed === 0) throw new AppError("CONFLICT", "This item is no longer set aside; refresh the page");
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: input.actor.id },
      action,
      subject: { type: ref.source === "inbox" ? "stripe_event" : "outbox_effect", id: ref.id },
      reason,
    });
  });
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError("BAD_REQUEST", "Say why, for the audit log");
  return trimmed;
}
