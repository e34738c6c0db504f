import type Stripe from "stripe";
import type { PrismaClient } from "../db/client";
import { AppError } from "../errors";
import { isHandledEventType } from "./handled-event-types";
import { processStripeEvent } from "./process-stripe-event";

/** Orders replayed side by side. */
const ORDERS_AT_ONCE = 8;

export type ReplaySelection = { since: Date } | { stripeEventId: string } | { stripeEventIds: readonly string[] };

export type ReplayReport = {
  selected: number;
  outcomes: Record<string, number>;
  failed: { id: string; error: string }[];
};

/**
 * Processes stored events again, each order's oldest first, several orders at once. Handlers re-read Stripe and the state machine only
 * moves forward, so whatever was already applied stays as it is; only what was missed moves.
 */
export async function replayStripeEvents(
  selection: ReplaySelection,
  deps: { prisma: PrismaClient; stripe: Stripe },
): Promise<ReplayReport> {
  const events = await deps.prisma.stripeEvent.findMany({
    where:
      "since" in selection
        ? { receivedAt: { gte: selection.since } }
        : "stripeEventIds" in selection
          ? { stripeEventId: { in: [...selection.stripeEventIds] } }
          : { stripeEventId: selection.stripeEventId },
    orderBy: [{ stripeCreatedAt: "asc" }, { receivedAt: "asc" }],
    select: { stripeEventId: true, type: true, orderKey: true },
  });
  if ("stripeEventId" in selection && events.length === 0) {
    throw new AppError("NOT_FOUND", `Stripe event ${selection.stripeEventId} is not in the inbox`);
  }
  const report: ReplayReport = { selected: events.length, outcomes: {}, failed: [] };
  const count = (outcome: string) => {
    report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
  };
  // One order's events one after another, oldest first; orders side by side, as the inbox worker does.
  const byOrder = new Map<string, typeof events>();
  for (const event of events) byOrder.set(event.orderKey, [...(byOrder.get(event.orderKey) ?? []), event]);
  const orders = [...byOrder.values()];
  const replayOrder = async (group: typeof events) => {
    for (const event of group) {
      if (!isHandledEventType(event.type)) {
        count("ignored");
        continue;
      }
      try {
        const { outcome } = await processStripeEvent(event.stripeEventId, { ...deps, replay: true });
        count(outcome);
      } catch (error) {
        report.failed.push({ id: event.stripeEventId, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  let next = 0;
  const lane = async () => {
    while (next < orders.length) await replayOrder(orders[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(ORDERS_AT_ONCE, orders.length) }, lane));
  return report;
}
