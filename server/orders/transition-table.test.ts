import { describe, expect, it } from "vitest";
import { decideOrderTransition } from "./decide-order-transition";
import { ORDER_INPUTS, STAFF_INPUTS, STRIPE_INPUTS } from "./order-inputs";
import { ORDER_STAGE, ORDER_STATES } from "./order-states";
import { STRIPE_INPUT_TARGET, TRANSITION_TABLE } from "./transition-table";

const MONEY_INPUTS = new Set([
  "charge_partially_refunded",
  "charge_fully_refunded",
  "dispute_opened",
  "dispute_won",
  "dispute_lost",
]);

describe("order transition table", () => {
  it("defines every (state, input) pair", () => {
    let cells = 0;
    for (const state of ORDER_STATES) {
      for (const input of ORDER_INPUTS) {
        const rule = TRANSITION_TABLE[state][input];
        expect(["advance", "advance_if_newer", "noop", "rejected", "allowed"]).toContain(rule.kind);
        cells += 1;
      }
    }
    expect(cells).toBe(ORDER_STATES.length * ORDER_INPUTS.length);
  });

  it.each(ORDER_STATES.flatMap((state) => STRIPE_INPUTS.map((input) => [state, input] as const)))(
    "%s + %s: moves forward, names the move, or says why not",
    (state, input) => {
      const rule = TRANSITION_TABLE[state][input];
      const target = STRIPE_INPUT_TARGET[input];
      if (state === "canceled" && MONEY_INPUTS.has(input)) {
        expect(rule.kind).toBe("rejected");
      } else if (target === state) {
        expect(rule).toEqual({ kind: "noop", reason: "already_in_state" });
      } else if (ORDER_STAGE[target] < ORDER_STAGE[state]) {
        expect(rule).toEqual({ kind: "noop", reason: "stale" });
      } else {
        expect(rule.kind).toBe(ORDER_STAGE[target] > ORDER_STAGE[state] ? "advance" : "advance_if_newer");
        if (rule.kind === "advance" || rule.kind === "advance_if_newer") {
          expect(rule.to).toBe(target);
          expect(rule.name).toMatch(/^[a-z_]+$/);
        }
      }
    },
  );

  it.each(ORDER_STATES.flatMap((state) => STAFF_INPUTS.map((input) => [state, input] as const)))(
    "%s + %s: staff actions are allowed only where they fit",
    (state, input) => {
      const rule = TRANSITION_TABLE[state][input];
      const fits = input === "staff_cancel_unpaid" ? ORDER_STAGE[state] === 0 : state === "in_review";
      expect(rule.kind).toBe(fits ? "allowed" : "rejected");
    },
  );

  it("never lowers an order's stage, whatever the observation time", () => {
    for (const state of ORDER_STATES) {
      for (const input of ORDER_INPUTS) {
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
});
