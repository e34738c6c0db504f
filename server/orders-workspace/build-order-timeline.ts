export type TimelineEntry = {
  at: Date;
  kind: "status_change" | "stripe_event" | "staff_action";
  title: string;
  detail: string | null;
  ref: string;
};

type StatusChange = {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  cause: string;
  note: string | null;
  createdAt: Date;
};
type StripeEventRow = { stripeEventId: string; type: string; stripeCreatedAt: Date; outcome: string | null };
type StaffAction = { id: string; action: string; actorEmail: string | null; reason: string | null; createdAt: Date };

/**
 * One chronological story of an order from three sources. Stripe events sort by Stripe's own
 * `created`, not by arrival, because events arrive out of order.
 */
export function buildOrderTimeline(sources: {
  statusChanges: StatusChange[];
  stripeEvents: StripeEventRow[];
  staffActions: StaffAction[];
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...sources.statusChanges.map((change) => ({
      at: change.createdAt,
      kind: "status_change" as const,
      title: change.fromStatus ? `${change.fromStatus} → ${change.toStatus}` : `Created as ${change.toStatus}`,
      detail: [change.cause, change.note].filter(Boolean).join(" · ") || null,
      ref: change.id,
    })),
    ...sources.stripeEvents.map((event) => ({
      at: event.stripeCreatedAt,
      kind: "stripe_event" as const,
      title: event.type,
      detail: event.outcome ? `processed: ${event.outcome}` : "not processed yet",
      ref: event.stripeEventId,
    })),
    ...sources.staffActions.map((action) => ({
      at: action.createdAt,
      kind: "staff_action" as const,
      title: action.action,
      detail: [action.actorEmail, action.reason].filter(Boolean).join(" · ") || null,
      ref: action.id,
    })),
  ];
  const rank = { status_change: 0, stripe_event: 1, staff_action: 2 } as const;
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);
}
