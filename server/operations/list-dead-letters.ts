import type { PrismaClient } from "../db/client";
import { countOutbox } from "../jobs/outbox/count-outbox";
import { countInbox } from "../webhooks/count-inbox";
import { describeEffectKind, describeStripeEventType } from "./describe-dead-letter";

const LIMIT = 100;

export type DeadLetter = {
  source: "inbox" | "outbox";
  id: string;
  /** What it was for, in words. */
  what: string;
  /** The Stripe event or the row the effect is about. */
  reference: string;
  attempts: number;
  lastError: string | null;
  firstSeenAt: Date;
  parkedAt: Date;
  history: { attempt: number; outcome: string; error: string | null; at: Date }[];
};

/** The operations page: each side's accounting, and every dead letter, oldest first. */
export async function listDeadLetters(prisma: PrismaClient) {
  const [inbox, outbox, events, effects] = await Promise.all([
    countInbox(prisma),
    countOutbox(prisma),
    prisma.stripeEvent.findMany({
      where: { processedAt: null, deadAt: { not: null } },
      orderBy: { deadAt: "asc" },
      take: LIMIT,
      select: { stripeEventId: true, type: true, attempts: true, lastError: true, receivedAt: true, deadAt: true },
    }),
    prisma.outboxEffect.findMany({
      where: { status: "dead" },
      orderBy: { updatedAt: "asc" },
      take: LIMIT,
      include: { attemptLog: { orderBy: { finishedAt: "asc" } } },
    }),
  ]);
  const deadLetters: DeadLetter[] = [
    ...events.map((event) => ({
      source: "inbox" as const,
      id: event.stripeEventId,
      what: describeStripeEventType(event.type),
      reference: event.stripeEventId,
      attempts: event.attempts,
      lastError: event.lastError,
      firstSeenAt: event.receivedAt,
      parkedAt: event.deadAt!,
      history: [],
    })),
    ...effects.map((effect) => ({
      source: "outbox" as const,
      id: effect.id,
      what: describeEffectKind(effect.kind),
      reference: effect.subjectId,
      attempts: effect.attempts,
      lastError: effect.lastError,
      firstSeenAt: effect.createdAt,
      parkedAt: effect.updatedAt,
      history: effect.attemptLog.map((attempt) => ({
        attempt: attempt.attempt,
        outcome: attempt.outcome,
        error: attempt.error,
        at: attempt.finishedAt,
      })),
    })),
  ].sort((a, b) => a.parkedAt.getTime() - b.parkedAt.getTime());
  return { inbox, outbox, deadLetters };
}
