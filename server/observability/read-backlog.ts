import type { PrismaClient } from "../db/client";

/** What the backlog gauges show, read from the database (counters in memory would not survive a restart). */
export type Backlog = {
  inboxDepth: number;
  inboxOldestAgeSeconds: number;
  disputesOpen: number;
  /** Seconds until the nearest deadline of a dispute still without evidence; null when none. */
  disputeEvidenceDeadlineSeconds: number | null;
  /** Outside effects (Stripe calls) written and not yet done. */
  outboxPending: number;
  /** Work parked after too many failures, waiting for a person: events and outbox effects. */
  deadLetters: { stripeEvents: number; outboxEffects: number };
};

/** A reader for a backlog another part of PayOps keeps (e.g. an outbox); added with `addBacklogReader`. */
export type BacklogReader = (prisma: PrismaClient) => Promise<void>;

// Counted up to a bound, so a scrape stays cheap even when the inbox is flooded.
const INBOX_COUNT_LIMIT = 100_000;

/**
 * Bounded, index-backed queries: the unprocessed part of the inbox (dead letters apart: they wait
 * for a person, not for processing), the outbox, and the open disputes.
 */
export async function readBacklog(prisma: PrismaClient): Promise<Backlog> {
  const [inbox] = await prisma.$queryRaw<{ depth: bigint; oldest_age_seconds: number | null; dead: bigint }[]>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM stripe_events WHERE processed_at IS NULL AND dead_at IS NULL LIMIT ${INBOX_COUNT_LIMIT}) AS waiting) AS depth,
           (SELECT extract(epoch FROM now() - min(received_at))::float8 FROM stripe_events WHERE processed_at IS NULL AND dead_at IS NULL) AS oldest_age_seconds,
           (SELECT count(*) FROM (SELECT 1 FROM stripe_events WHERE dead_at IS NOT NULL AND processed_at IS NULL LIMIT ${INBOX_COUNT_LIMIT}) AS dead) AS dead`;
  const [outbox] = await prisma.$queryRaw<{ pending: bigint; dead: bigint }[]>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_effects WHERE status = 'pending' LIMIT ${INBOX_COUNT_LIMIT}) AS p) AS pending,
           (SELECT count(*) FROM (SELECT 1 FROM outbox_effects WHERE status = 'dead' LIMIT ${INBOX_COUNT_LIMIT}) AS d) AS dead`;
  const [disputes] = await prisma.$queryRaw<{ open: bigint; deadline_seconds: number | null }[]>`
    SELECT count(*) AS open,
           extract(epoch FROM min(evidence_due_by) FILTER (
             WHERE status IN ('needs_response', 'warning_needs_response') AND evidence_submitted_at IS NULL
           ) - now())::float8 AS deadline_seconds
    FROM disputes
    WHERE status IN ('needs_response', 'warning_needs_response', 'under_review', 'warning_under_review')`;
  return {
    inboxDepth: Number(inbox?.depth ?? 0),
    inboxOldestAgeSeconds: Math.max(0, inbox?.oldest_age_seconds ?? 0),
    disputesOpen: Number(disputes?.open ?? 0),
    disputeEvidenceDeadlineSeconds: disputes?.deadline_seconds ?? null,
    outboxPending: Number(outbox?.pending ?? 0),
    deadLetters: { stripeEvents: Number(inbox?.dead ?? 0), outboxEffects: Number(outbox?.dead ?? 0) },
  };
}
