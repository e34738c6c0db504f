import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { isHandledEventType } from "./handled-event-types";
import { processStripeEvent } from "./process-stripe-event";

export type ReplaySelection = { since: Date } | { stripeEventId: string };

export type ReplayReport = {
  selected: number;
  outcomes: Record<string, number>;
  failed: { id: string; error: string }[];
};

/**
 * Processes stored events again, oldest first. Handlers re-read Stripe and the state machine only
 * moves forward, so whatever was already applied stays as it is; only what was missed moves.
 */
export async function replayStripeEvents(
  selection: ReplaySelection,
  deps: { prisma: PrismaClient; stripe: Stripe },
): Promise<ReplayReport> {
  const events = await deps.prisma.stripeEvent.findMany({
    where: "since" in selection ? { receivedAt: { gte: selection.since } } : { stripeEventId: selection.stripeEventId },
    orderBy: [{ stripeCreatedAt: "asc" }, { receivedAt: "asc" }],
    select: { stripeEventId: true, type: true },
  });
  if ("stripeEventId" in selection && events.length === 0) {
    throw new AppError("NOT_FOUND", `Stripe event ${selection.stripeEventId} is not in the inbox`);
  }
  const report: ReplayReport = { selected: events.length, outcomes: {}, failed: [] };
  for (const event of events) {
    if (!isHandledEventType(event.type)) {
      report.outcomes.ignored = (report.outcomes.ignored ?? 0) + 1;
      continue;
    }
    try {
      const { outcome } = await processStripeEvent(event.stripeEventId, { ...deps, replay: true });
      report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
    } catch (error) {
      report.failed.push({ id: event.stripeEventId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
