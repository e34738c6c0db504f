import type { OrderInput } from "./order-inputs";
import type { OrderState } from "./order-states";
import { TRANSITION_TABLE, type TransitionRule } from "./transition-table";

export type OrderSnapshot = {
  state: OrderState;
  /** When Stripe's view behind the current state was observed (ms since epoch); null before any. */
  observedAt: number | null;
};

export type TransitionDecision =
  | { kind: "applied"; name: string; from: OrderState; to: OrderState; next: OrderSnapshot }
  | { kind: "noop"; reason: "already_in_state" | "stale"; next: OrderSnapshot }
  | { kind: "rejected"; reason: string; next: OrderSnapshot }
  | { kind: "allowed"; next: OrderSnapshot };

/**
 * Decides what an input observed at `observedAt` does to an order. Pure: the persistence layer
 * locks the order, calls this, and writes what it returns.
 */
export function decideOrderTransition(order: OrderSnapshot, input: OrderInput, observedAt: number): TransitionDecision {
  const rule: TransitionRule = TRANSITION_TABLE[order.state][input];
  const isNewer = order.observedAt === null || observedAt > order.observedAt;
  // Seeing the same state again still counts as a newer observation, so an older event for the
  // same stage cannot slip in afterwards.
  const refreshed: OrderSnapshot = isNewer ? { state: order.state, observedAt } : order;
  switch (rule.kind) {
    case "advance":
      return {
        kind: "applied",
        name: rule.name,
        from: order.state,
        to: rule.to,
        next: { state: rule.to, observedAt },
      };
    case "advance_if_newer":
      if (!isNewer) return { kind: "noop", reason: "stale", next: order };
      return { kind: "applied", name: rule.name, from: order.state, to: rule.to, next: { state: rule.to, observedAt } };
    case "noop":
      return { kind: "noop", reason: rule.reason, next: rule.reason === "already_in_state" ? refreshed : order };
    case "rejected":
      return { kind: "rejected", reason: rule.reason, next: order };
    case "allowed":
      return { kind: "allowed", next: order };
  }
}
