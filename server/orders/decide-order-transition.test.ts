import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideOrderTransition, type OrderSnapshot } from "./decide-order-transition";
import type { StripeInput } from "./order-inputs";
import { STRIPE_INPUT_TARGET } from "./transition-table";

type Observation = { input: StripeInput; observedAt: number };

const attemptInput = fc.constantFrom<StripeInput>(
  "pi_awaiting_payment_method",
  "pi_requires_action",
  "pi_processing",
  "pi_payment_failed",
);

/** A sequence of what Stripe could report for one order, in the order it happened. */
const validSequence: fc.Arbitrary<StripeInput[]> = fc
  .record({
    attempts: fc.array(attemptInput, { maxLength: 5 }),
    review: fc.boolean(),
    ending: fc.constantFrom("none", "succeeded", "canceled"),
    partialRefunds: fc.nat({ max: 3 }),
    fullRefund: fc.boolean(),
    dispute: fc.constantFrom("none", "open", "won", "lost"),
  })
  .map(({ attempts, review, ending, partialRefunds, fullRefund, dispute }) => {
    const sequence: StripeInput[] = ["pi_awaiting_payment_method", ...attempts];
    if (review) sequence.push("pi_requires_capture");
    if (ending === "canceled") sequence.push("pi_canceled");
    if (ending !== "succeeded") return sequence;
    sequence.push("pi_succeeded");
    for (let i = 0; i < partialRefunds; i += 1) sequence.push("charge_partially_refunded");
    if (fullRefund) sequence.push("charge_fully_refunded");
    if (dispute !== "none") sequence.push("dispute_opened");
    if (dispute === "won") sequence.push("dispute_won");
    if (dispute === "lost") sequence.push("dispute_lost");
    return sequence;
  });

function replay(observations: Observation[]): OrderSnapshot {
  let order: OrderSnapshot = { state: "pending_payment", observedAt: null };
  for (const { input, observedAt } of observations) order = decideOrderTransition(order, input, observedAt).next;
  return order;
}

describe("decideOrderTransition under reordering and duplication", () => {
  it("ends any permutation with duplicates in the state the in-order sequence reaches", () => {
    fc.assert(
      fc.property(
        validSequence.chain((sequence) =>
          fc.record({
            sequence: fc.constant(sequence),
            duplicates: fc.array(fc.nat({ max: sequence.length - 1 }), { maxLength: 10 }),
            sortKeys: fc.array(fc.double({ noNaN: true }), {
              minLength: sequence.length + 10,
              maxLength: sequence.length + 10,
            }),
          }),
        ),
        ({ sequence, duplicates, sortKeys }) => {
          const inOrder = sequence.map((input, index) => ({ input, observedAt: 1_000 * (index + 1) }));
          const delivered = [...inOrder, ...duplicates.map((index) => inOrder[index]!)]
            .map((observation, index) => ({ observation, key: sortKeys[index]! }))
            .sort((a, b) => a.key - b.key)
            .map(({ observation }) => observation);

          const expected = replay(inOrder);
          expect(expected.state).toBe(STRIPE_INPUT_TARGET[sequence.at(-1)!]);
          expect(replay(delivered).state).toBe(expected.state);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("applies an observation once: delivering it again changes nothing", () => {
    fc.assert(
      fc.property(validSequence, (sequence) => {
        let order: OrderSnapshot = { state: "pending_payment", observedAt: null };
        sequence.forEach((input, index) => {
          order = decideOrderTransition(order, input, 1_000 * (index + 1)).next;
          const again = decideOrderTransition(order, input, 1_000 * (index + 1));
          expect(again.kind).not.toBe("applied");
          expect(again.next).toEqual(order);
        });
      }),
    );
  });
});
