// Test support: random operations on a Stripe account, and webhook-like delivery of their events.
import fc from "fast-check";
import type { LedgerEvent, Operation } from "./stripe-account-model";

export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("pay" as const),
      amount: fc.integer({ min: 50, max: 200_000 }),
      bypassPending: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("makeAvailable" as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("refund" as const),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 100_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("failRefund" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("dispute" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("winDispute" as const), pick: fc.nat(), feeReturned: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("payout" as const), amount: fc.integer({ min: 1, max: 300_000 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("payoutPaid" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("payoutFailed" as const), pick: fc.nat() }) },
);

/** How webhooks arrive: in any order (`order` ranks them), some more than once (`duplicated`, cycled over the events). */
export const deliveryArbitrary = fc.record({
  order: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 80 }),
  duplicated: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
});

export type Delivery = { order: number[]; duplicated: boolean[] };

export function deliver(events: LedgerEvent[], { order, duplicated }: Delivery): LedgerEvent[] {
  const withDuplicates = [...events, ...events.filter((_, index) => duplicated[index % duplicated.length])];
  return withDuplicates
    .map((event, index) => ({ event, key: order[index % order.length] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ event }) => event);
}

/** One sequence that reaches every posting, run before the random ones so coverage never rests on luck. */
export const everyPostingOperations: Operation[] = [
  { op: "pay", amount: 5_000, bypassPending: true },
  { op: "pay", amount: 3_000, bypassPending: false },
  { op: "refund", pick: 0, amount: 1_000 },
  { op: "failRefund", pick: 0 },
  { op: "dispute", pick: 1_200 },
  { op: "winDispute", pick: 0, feeReturned: true },
  { op: "dispute", pick: 801 },
  { op: "loseDispute", pick: 0 },
  { op: "makeAvailable", pick: 0 },
  { op: "payout", amount: 2_000 },
  { op: "payoutFailed", pick: 0 },
  { op: "payout", amount: 1_000 },
  { op: "payoutPaid", pick: 0 },
];
