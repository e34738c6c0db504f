import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/client";
import { runTransaction } from "../db/run-transaction";
import { AppError } from "../errors";
import { STRIPE_EVENT_PIPELINE } from "../webhooks/event-processing-pause";
import { redispatchUnprocessedEvents } from "../webhooks/sweep-webhook-inbox";

type Change = { paused: boolean; reason: string; actor: { id: string } };

/**
 * An admin pauses Stripe event processing (events keep arriving and wait in the inbox) or resumes
 * it; both are audited. Resuming dispatches every waiting event at once instead of leaving them to
 * the next sweep. Repeating the current state changes nothing and records nothing.
 */
export async function setEventProcessingPaused(
  prisma: PrismaClient,
  change: Change,
): Promise<{ paused: boolean; dispatched: number }> {
  const reason = change.reason.trim();
  if (!reason) throw new AppError("BAD_REQUEST", "Say why, for the audit log");
  const changed = await runTransaction(prisma, async (tx) => {
    const rows = change.paused
      ? await tx.$executeRaw`
          INSERT INTO processing_pauses (pipeline, paused_by_id, reason)
          VALUES (${STRIPE_EVENT_PIPELINE}, ${change.actor.id}::uuid, ${reason})
          ON CONFLICT (pipeline) DO NOTHING`
      : await tx.$executeRaw`DELETE FROM processing_pauses WHERE pipeline = ${STRIPE_EVENT_PIPELINE}`;
    if (rows === 0) return false;
    await recordAudit(tx, {
      actor: { kind: "staff", staffUserId: change.actor.id },
      action: change.paused ? "event_processing.paused" : "event_processing.resumed",
      subject: { type: "pipeline", id: STRIPE_EVENT_PIPELINE },
      reason,
    });
    return true;
  });
  const dispatched =
    changed && !change.paused ? await redispatchUnprocessedEvents({ prisma, sweep: { eventMinAgeMs: 0 } }) : 0;
  return { paused: change.paused, dispatched };
}
