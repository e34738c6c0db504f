import { ORDER_INPUTS, type OrderInput, type StaffInput, type StripeInput } from "./order-inputs";
import { ORDER_STAGE, ORDER_STATES, type OrderState } from "./order-states";

/**
 * One cell of the transition table.
 * - `advance`: a named transition to a later stage; applies whatever the observation's age.
 * - `advance_if_newer`: a named move within the same stage (decline, then retry); applies only
 *   when the observation is newer than the one the order already reflects.
 * - `noop`: nothing to change (already there, or the input describes an earlier stage: stale).
 * - `rejected`: the input contradicts the order (a refund on a canceled payment, a staff action
 *   that does not fit the state).
 * - `allowed`: a staff action that may go ahead; the order moves when Stripe confirms it.
 */
export type TransitionRule =
  | { kind: "advance"; name: string; to: OrderState }
  | { kind: "advance_if_newer"; name: string; to: OrderState }
  | { kind: "noop"; reason: "already_in_state" | "stale" }
  | { kind: "rejected"; reason: string }
  | { kind: "allowed"; action: StaffInput };

/** The state each Stripe input says the order is in. */
export const STRIPE_INPUT_TARGET: Record<StripeInput, OrderState> = {
  pi_awaiting_payment_method: "pending_payment",
  pi_requires_action: "requires_action",
  pi_processing: "processing",
  pi_payment_failed: "payment_failed",
  pi_requires_capture: "in_review",
  pi_succeeded: "paid",
  pi_canceled: "canceled",
  charge_partially_refunded: "partially_refunded",
  charge_fully_refunded: "refunded",
  dispute_opened: "disputed",
  dispute_won: "dispute_won",
  dispute_lost: "dispute_lost",
};

const TRANSITION_NAME: Record<StripeInput, string> = {
  pi_awaiting_payment_method: "await_payment_method",
  pi_requires_action: "require_customer_action",
  pi_processing: "start_processing",
  pi_payment_failed: "record_payment_failure",
  pi_requires_capture: "hold_for_review",
  pi_succeeded: "mark_paid",
  pi_canceled: "cancel",
  charge_partially_refunded: "record_partial_refund",
  charge_fully_refunded: "record_full_refund",
  dispute_opened: "open_dispute",
  dispute_won: "record_dispute_won",
  dispute_lost: "record_dispute_lost",
};

const MONEY_MOVEMENT_INPUTS: ReadonlySet<OrderInput> = new Set([
  "charge_partially_refunded",
  "charge_fully_refunded",
  "dispute_opened",
  "dispute_won",
  "dispute_lost",
]);

const PAYMENT_ENDINGS: ReadonlySet<OrderState> = new Set(["paid", "canceled"]);

function stripeRule(state: OrderState, input: StripeInput): TransitionRule {
  const to = STRIPE_INPUT_TARGET[input];
  // A canceled PaymentIntent never captured money, so refunds or disputes against it are inconsistent.
  if (state === "canceled" && MONEY_MOVEMENT_INPUTS.has(input)) {
    return { kind: "rejected", reason: "a canceled payment has no captured funds" };
  }
  if (to === state) return { kind: "noop", reason: "already_in_state" };
  // Stripe never cancels a succeeded PaymentIntent nor confirms a canceled one again.
  if (PAYMENT_ENDINGS.has(state) && PAYMENT_ENDINGS.has(to)) {
    return { kind: "rejected", reason: "a payment that succeeded or was canceled is final" };
  }
  const fromStage = ORDER_STAGE[state];
  const toStage = ORDER_STAGE[to];
  if (toStage > fromStage) return { kind: "advance", name: TRANSITION_NAME[input], to };
  if (toStage === fromStage) return { kind: "advance_if_newer", name: TRANSITION_NAME[input], to };
  return { kind: "noop", reason: "stale" };
}

function staffRule(state: OrderState, input: StaffInput): TransitionRule {
  switch (input) {
    case "staff_approve_review":
    case "staff_reject_review":
      return state === "in_review"
        ? { kind: "allowed", action: input }
        : {
            kind: "rejected",
            reason: `only a payment held for review can be approved or rejected (order is ${state})`,
          };
    case "staff_cancel_unpaid":
      return ORDER_STAGE[state] === 0
        ? { kind: "allowed", action: input }
        : { kind: "rejected", reason: `only an unpaid order can be canceled (order is ${state})` };
  }
}

function isStaffInput(input: OrderInput): input is StaffInput {
  return input.startsWith("staff_");
}

function buildTable(): Record<OrderState, Record<OrderInput, TransitionRule>> {
  const table = {} as Record<OrderState, Record<OrderInput, TransitionRule>>;
  for (const state of ORDER_STATES) {
    const row = {} as Record<OrderInput, TransitionRule>;
    for (const input of ORDER_INPUTS) {
      row[input] = isStaffInput(input) ? staffRule(state, input) : stripeRule(state, input);
    }
    table[state] = row;
  }
  return table;
}

/** The full (state × input) matrix, computed once; every cell is defined. */
export const TRANSITION_TABLE = buildTable();
