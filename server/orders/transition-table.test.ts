import { describe, expect, it } from "vitest";
import { decideOrderTransition } from "./decide-order-transition";
import type { OrderInput } from "./order-inputs";
import { ORDER_STAGE, ORDER_STATES, type OrderState } from "./order-states";
import { TRANSITION_TABLE, type TransitionRule } from "./transition-table";

// Named cells of the table, each one a step of Stripe's documented PaymentIntent lifecycle
// (statuses requires_payment_method → requires_action / processing / requires_capture →
// succeeded or canceled) or of the refund and dispute flows that follow a captured payment.
type Cell = [state: OrderState, input: OrderInput, rule: TransitionRule, why: string];

const LIFECYCLE: Cell[] = [
  // confirm, success, automatic capture: requires_payment_method → succeeded
  ["pending_payment", "pi_succeeded", { kind: "advance", name: "mark_paid", to: "paid" }, "card paid at once"],
  // confirm, success, manual capture: → requires_capture
  [
    "pending_payment",
    "pi_requires_capture",
    { kind: "advance", name: "hold_for_review", to: "in_review" },
    "manual capture holds the authorisation",
  ],
  // confirm, 3-D Secure needed: → requires_action (still the payment attempt, so newer wins)
  [
    "pending_payment",
    "pi_requires_action",
    { kind: "advance_if_newer", name: "require_customer_action", to: "requires_action" },
    "3-D Secure asked for",
  ],
  // 3-D Secure success: requires_action → succeeded
  ["requires_action", "pi_succeeded", { kind: "advance", name: "mark_paid", to: "paid" }, "3-D Secure passed"],
  // 3-D Secure fails: back to requires_payment_method with last_payment_error
  [
    "requires_action",
    "pi_payment_failed",
    { kind: "advance_if_newer", name: "record_payment_failure", to: "payment_failed" },
    "3-D Secure failed",
  ],
  // decline: back to requires_payment_method with last_payment_error
  [
    "pending_payment",
    "pi_payment_failed",
    { kind: "advance_if_newer", name: "record_payment_failure", to: "payment_failed" },
    "card declined",
  ],
  // re-confirm after a decline is allowed
  [
    "payment_failed",
    "pi_requires_action",
    { kind: "advance_if_newer", name: "require_customer_action", to: "requires_action" },
    "retry after a decline",
  ],
  ["payment_failed", "pi_succeeded", { kind: "advance", name: "mark_paid", to: "paid" }, "retry after a decline pays"],
  // async method (SEPA): → processing, then succeeded or requires_payment_method on failure
  [
    "pending_payment",
    "pi_processing",
    { kind: "advance_if_newer", name: "start_processing", to: "processing" },
    "SEPA debit submitted",
  ],
  ["processing", "pi_succeeded", { kind: "advance", name: "mark_paid", to: "paid" }, "SEPA debit settled"],
  [
    "processing",
    "pi_payment_failed",
    { kind: "advance_if_newer", name: "record_payment_failure", to: "payment_failed" },
    "SEPA debit failed",
  ],
  // capture only from requires_capture → succeeded
  ["in_review", "pi_succeeded", { kind: "advance", name: "mark_paid", to: "paid" }, "held payment captured"],
  // cancel is allowed from requires_payment_method, requires_capture, requires_action, processing
  ["pending_payment", "pi_canceled", { kind: "advance", name: "cancel", to: "canceled" }, "unpaid intent canceled"],
  ["payment_failed", "pi_canceled", { kind: "advance", name: "cancel", to: "canceled" }, "declined intent canceled"],
  ["requires_action", "pi_canceled", { kind: "advance", name: "cancel", to: "canceled" }, "abandoned 3-D Secure"],
  ["processing", "pi_canceled", { kind: "advance", name: "cancel", to: "canceled" }, "processing intent canceled"],
  ["in_review", "pi_canceled", { kind: "advance", name: "cancel", to: "canceled" }, "held payment released"],
  // refunds and disputes follow a captured payment
  [
    "paid",
    "charge_partially_refunded",
    { kind: "advance", name: "record_partial_refund", to: "partially_refunded" },
    "part refunded",
  ],
  ["paid", "charge_fully_refunded", { kind: "advance", name: "record_full_refund", to: "refunded" }, "fully refunded"],
  [
    "partially_refunded",
    "charge_fully_refunded",
    { kind: "advance", name: "record_full_refund", to: "refunded" },
    "rest refunded",
  ],
  ["paid", "dispute_opened", { kind: "advance", name: "open_dispute", to: "disputed" }, "customer disputes"],
  ["disputed", "dispute_won", { kind: "advance", name: "record_dispute_won", to: "dispute_won" }, "dispute won"],
  ["disputed", "dispute_lost", { kind: "advance", name: "record_dispute_lost", to: "dispute_lost" }, "dispute lost"],
];

const IMPOSSIBLE_OR_LATE: Cell[] = [
  // succeeded and canceled are final: Stripe refuses to cancel a succeeded intent, and a canceled one
  // cannot be confirmed again, so a report of the other ending never moves the order.
  ["paid", "pi_canceled", { kind: "rejected", reason: "a payment that succeeded or was canceled is final" }, ""],
  ["canceled", "pi_succeeded", { kind: "rejected", reason: "a payment that succeeded or was canceled is final" }, ""],
  // a canceled intent never captured money, so nothing can be refunded or disputed
  ["canceled", "charge_fully_refunded", { kind: "rejected", reason: "a canceled payment has no captured funds" }, ""],
  ["canceled", "dispute_opened", { kind: "rejected", reason: "a canceled payment has no captured funds" }, ""],
  // Stripe delivers out of order (payment_intent.succeeded before payment_intent.created)
  ["paid", "pi_awaiting_payment_method", { kind: "noop", reason: "stale" }, ""],
  ["paid", "pi_requires_action", { kind: "noop", reason: "stale" }, ""],
  ["refunded", "charge_partially_refunded", { kind: "noop", reason: "stale" }, ""],
  ["dispute_won", "dispute_opened", { kind: "noop", reason: "stale" }, ""],
  ["refunded", "pi_succeeded", { kind: "noop", reason: "stale" }, ""],
  // and delivers duplicates
  ["paid", "pi_succeeded", { kind: "noop", reason: "already_in_state" }, ""],
  ["in_review", "pi_requires_capture", { kind: "noop", reason: "already_in_state" }, ""],
  ["disputed", "dispute_opened", { kind: "noop", reason: "already_in_state" }, ""],
];

describe("order transition table: Stripe's PaymentIntent lifecycle", () => {
  const named = (cells: Cell[]) => cells.map(([state, input, rule, why]) => ({ state, input, rule, why }));

  it.each(named(LIFECYCLE))("$state + $input moves the order ($why)", ({ state, input, rule }) => {
    expect(TRANSITION_TABLE[state][input]).toEqual(rule);
  });

  it.each(named(IMPOSSIBLE_OR_LATE))("$state + $input does not move the order", ({ state, input, rule }) => {
    expect(TRANSITION_TABLE[state][input]).toEqual(rule);
  });

  it("lets risk staff approve or reject only a payment held for review", () => {
    expect(TRANSITION_TABLE.in_review.staff_approve_review).toEqual({
      kind: "allowed",
      action: "staff_approve_review",
    });
    expect(TRANSITION_TABLE.in_review.staff_reject_review).toEqual({ kind: "allowed", action: "staff_reject_review" });
    expect(TRANSITION_TABLE.paid.staff_approve_review.kind).toBe("rejected");
    expect(TRANSITION_TABLE.pending_payment.staff_reject_review.kind).toBe("rejected");
  });

  it("lets support cancel only an order that was never paid", () => {
    for (const state of ["pending_payment", "requires_action", "processing", "payment_failed"] as const) {
      expect(TRANSITION_TABLE[state].staff_cancel_unpaid).toEqual({ kind: "allowed", action: "staff_cancel_unpaid" });
    }
    for (const state of ["in_review", "paid", "canceled", "refunded", "disputed"] as const) {
      expect(TRANSITION_TABLE[state].staff_cancel_unpaid.kind).toBe("rejected");
    }
  });

  it("never lowers an order's stage, whatever the observation time", () => {
    for (const state of ORDER_STATES) {
      for (const input of Object.keys(TRANSITION_TABLE[state]) as OrderInput[]) {
        for (const [current, seen] of [
          [null, 5],
          [10, 5],
          [5, 10],
        ] as const) {
          const decision = decideOrderTransition({ state, observedAt: current }, input, seen);
          expect(ORDER_STAGE[decision.next.state]).toBeGreaterThanOrEqual(ORDER_STAGE[state]);
        }
      }
    }
  });

  it("lets a retry after a decline through only when it was observed later", () => {
    const failed = { state: "payment_failed" as const, observedAt: 2_000 };
    expect(decideOrderTransition(failed, "pi_requires_action", 3_000).kind).toBe("applied");
    expect(decideOrderTransition(failed, "pi_requires_action", 1_000)).toMatchObject({ kind: "noop", reason: "stale" });
  });

  it("treats a late payment_intent.created after success as stale", () => {
    const decision = decideOrderTransition({ state: "paid", observedAt: 2_000 }, "pi_awaiting_payment_method", 1_000);
    expect(decision).toMatchObject({ kind: "noop", reason: "stale", next: { state: "paid" } });
  });

  it("keeps a paid order paid when a newer report says its payment was canceled", () => {
    const decision = decideOrderTransition({ state: "paid", observedAt: 1_000 }, "pi_canceled", 2_000);
    expect(decision).toMatchObject({ kind: "rejected", next: { state: "paid" } });
  });
});
