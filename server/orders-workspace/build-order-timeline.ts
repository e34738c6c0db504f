import {
  auditActionLabel,
  eventOutcomeLabel,
  orderChangeCauseLabel,
  stripeEventLabel,
} from "../labels/staff-event-labels";
import { staffOrderStatusLabel } from "../labels/staff-state-labels";

export type TimelineEntry = {
  at: Date;
  kind: "status_change" | "stripe_event" | "staff_action";
  /** What happened, in the staff vocabulary. */
  title: string;
  /** Why or by whom, in words; null when there is nothing to add. */
  detail: string | null;
  /** The raw names and ids behind the words (event type, transition, cause), for the details toggle. */
  technical: string;
  ref: string;
  /** The trace of the webhook request or staff request behind the entry, when it ran in one. */
  traceId: string | null;
};

type StatusChange = {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  cause: string;
  note: string | null;
  createdAt: Date;
};
type StripeEventRow = {
  stripeEventId: string;
  type: string;
  stripeCreatedAt: Date;
  outcome: string | null;
  traceId: string | null;
};
type StaffAction = {
  id: string;
  action: string;
  actorEmail: string | null;
  reason: string | null;
  createdAt: Date;
  traceId: string | null;
};

const joined = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ");

function statusChangeEntry(change: StatusChange): TimelineEntry {
  const to = staffOrderStatusLabel(change.toStatus);
  return {
    at: change.createdAt,
    kind: "status_change",
    title: change.fromStatus ? `${staffOrderStatusLabel(change.fromStatus)} → ${to}` : `Created as ${to}`,
    detail: change.cause ? orderChangeCauseLabel(change.cause) : null,
    technical: joined([
      change.fromStatus ? `${change.fromStatus} → ${change.toStatus}` : change.toStatus,
      change.note,
      change.cause,
    ]),
    ref: change.id,
    traceId: null,
  };
}

function stripeEventEntry(event: StripeEventRow): TimelineEntry {
  return {
    at: event.stripeCreatedAt,
    kind: "stripe_event",
    title: stripeEventLabel(event.type),
    detail: event.outcome ? eventOutcomeLabel(event.outcome) : "not processed yet",
    technical: joined([event.type, event.stripeEventId, event.outcome ? `outcome: ${event.outcome}` : "unprocessed"]),
    ref: event.stripeEventId,
    traceId: event.traceId,
  };
}

function staffActionEntry(action: StaffAction): TimelineEntry {
  return {
    at: action.createdAt,
    kind: "staff_action",
    title: auditActionLabel(action.action),
    detail: joined([action.actorEmail, action.reason]) || null,
    technical: joined([action.action, action.id]),
    ref: action.id,
    traceId: action.traceId,
  };
}

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
    ...sources.statusChanges.map(statusChangeEntry),
    ...sources.stripeEvents.map(stripeEventEntry),
    ...sources.staffActions.map(staffActionEntry),
  ];
  const rank = { status_change: 0, stripe_event: 1, staff_action: 2 } as const;
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);
}
