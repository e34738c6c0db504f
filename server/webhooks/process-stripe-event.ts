import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { DEFAULT_DEAD_LETTER_AFTER_ATTEMPTS, NonRetriableJobError } from "../jobs/job-definition";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { domainAttributes, withSpan } from "../observability/tracing";
import type { OrderChangeCause } from "../orders/order-cause";
import { isHandledEventType } from "./handled-event-types";
import { escapeUnstorableText } from "./storable-event";
import type { EventOutcome, NothingToChange } from "./stripe-event-handler";
import { STRIPE_EVENT_HANDLERS } from "./stripe-event-handlers";

export type ProcessResult = { stripeEventId: string; outcome: EventOutcome | "already_processed" };

type InboxRow = { processed_at: Date | null };

/** The stored event, when the caller has read it already (a worker's claim returns it). */
export type StoredEvent = { type: string; payload: unknown; receivedAt: Date };

export type ProcessDeps = {
  prisma: PrismaClient;
  stripe: Stripe;
  replay?: boolean;
  deadLetterAfterAttempts?: number;
  stored?: StoredEvent;
  unsettled?: ReadonlySet<string>;
};

/**
 * Processes one stored event: the handler fetches what it needs from Stripe, then one transaction
 * locks the inbox row (so a duplicate dispatch waits and then sees it processed), applies the
 * change with the order locked, and marks the event processed. A failure keeps its error and
 * attempt count on the inbox row and is rethrown, so the executor retries.
 */
export function processStripeEvent(stripeEventId: string, deps: ProcessDeps): Promise<ProcessResult> {
  return withSpan("stripe_event.process", domainAttributes({ stripeEventId }), async (span) => {
    const result = await processOne(stripeEventId, deps, (type) => span.setAttribute("payops.stripe_event.type", type));
    span.setAttribute("payops.stripe_event.outcome", result.outcome);
    return result;
  });
}

async function processOne(
  stripeEventId: string,
  deps: ProcessDeps,
  onType: (type: string) => void,
): Promise<ProcessResult> {
  const { prisma } = deps;
  // A claimed event is unprocessed as of its claim; the transaction below re-checks under the row lock.
  const row =
    deps.stored ??
    (await prisma.stripeEvent.findUnique({
      where: { stripeEventId },
      select: { type: true, payload: true, processedAt: true, receivedAt: true },
    }));
  if (!row) throw new AppError("NOT_FOUND", `Stripe event ${stripeEventId} is not in the inbox`);
  onType(row.type);
  if ("processedAt" in row && row.processedAt && !deps.replay) return { stripeEventId, outcome: "already_processed" };

  const cause: OrderChangeCause = deps.replay ? { kind: "replay", stripeEventId } : { kind: "webhook", stripeEventId };
  try {
    const outcome = await processStored(stripeEventId, row.type, row.payload as unknown as Stripe.Event, cause, deps);
    if (outcome !== "already_processed") {
      metrics().eventsProcessed.inc({ type: row.type, outcome });
      // Lag is the first processing's; a replay of an old event says nothing about the pipeline now.
      if (!deps.replay) {
        metrics().processingLagSeconds.observe({ type: row.type }, (Date.now() - row.receivedAt.getTime()) / 1000);
      }
    }
    return { stripeEventId, outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const limit = deps.deadLetterAfterAttempts ?? DEFAULT_DEAD_LETTER_AFTER_ATTEMPTS;
    // The attempt that reaches the limit parks the event as a dead letter: no more retries until someone replays it.
    const [failed] = await prisma.$queryRaw<{ attempts: number; dead: boolean }[]>`
      UPDATE stripe_events
         SET attempts = attempts + 1, last_error = ${escapeUnstorableText(message.slice(0, 2000))},
             dead_at = CASE WHEN attempts + 1 >= ${limit} THEN now() ELSE dead_at END
       WHERE stripe_event_id = ${stripeEventId}
      RETURNING attempts, dead_at IS NOT NULL AS dead`;
    metrics().eventsFailed.inc({ type: row.type });
    if (failed?.dead) {
      metrics().eventsDead.inc({ type: row.type });
      logger.error(
        { alert: "dead_letter", stripeEventId, type: row.type, attempts: failed.attempts, err: error },
        "Stripe event parked as a dead letter after too many failed attempts",
      );
      throw new NonRetriableJobError(`parked as a dead letter after ${failed.attempts} attempts: ${message}`);
    }
    logger.warn({ stripeEventId, type: row.type, err: error }, "processing a Stripe event failed");
    throw error;
  }
}

async function processStored(
  stripeEventId: string,
  type: string,
  event: Stripe.Event,
  cause: OrderChangeCause,
  deps: { prisma: PrismaClient; stripe: Stripe; replay?: boolean },
): Promise<EventOutcome | "already_processed"> {
  const prepared = isHandledEventType(type) ? await STRIPE_EVENT_HANDLERS[type](event, deps) : null;
  const unchanged = prepared === null ? "ignored" : (prepared as Partial<NothingToChange>).nothingToChange;
  if (unchanged) return markUnchanged(deps.prisma, stripeEventId, unchanged, Boolean(deps.replay));
  return deps.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<InboxRow[]>`
      SELECT processed_at FROM stripe_events WHERE stripe_event_id = ${stripeEventId} FOR UPDATE`;
    if (locked?.processed_at && !deps.replay) return "already_processed";
    const outcome: EventOutcome = prepared ? await prepared(tx, cause) : "ignored";
    // A replay leaves the first outcome in place when it changed nothing.
    const keepOutcome = deps.replay && outcome !== "applied" && locked?.processed_at;
    await tx.$executeRaw`
      UPDATE stripe_events
      SET processed_at = COALESCE(processed_at, clock_timestamp()), attempts = attempts + 1, last_error = NULL,
          claimed_by = NULL, claimed_until = NULL,
          outcome = CASE WHEN ${Boolean(keepOutcome)} THEN outcome ELSE ${outcome} END
      WHERE stripe_event_id = ${stripeEventId}`;
    return outcome;
  });
}

/**
 * Marks an event that changes nothing as processed, in one statement with no transaction around
 * it: the WHERE makes it take effect once, and a replay leaves the first outcome as it was.
 */
async function markUnchanged(
  prisma: PrismaClient,
  stripeEventId: string,
  outcome: "stale" | "ignored",
  replay: boolean,
): Promise<EventOutcome | "already_processed"> {
  const marked = await prisma.$executeRaw`
    UPDATE stripe_events
       SET processed_at = COALESCE(processed_at, clock_timestamp()), attempts = attempts + 1, last_error = NULL,
           claimed_by = NULL, claimed_until = NULL, outcome = COALESCE(CASE WHEN ${replay} THEN outcome END, ${outcome})
     WHERE stripe_event_id = ${stripeEventId} AND (processed_at IS NULL OR ${replay})`;
  return marked === 1 ? outcome : "already_processed";
}
