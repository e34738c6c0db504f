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

/** Delivery as webhooks do it: any order, some events more than once. */
export function deliver(events: LedgerEvent[], order: number[], duplicates: number[]): LedgerEvent[] {
  const withDuplicates = [
    ...events,
    ...duplicates.filter(() => events.length > 0).map((i) => events[i % events.length]!),
  ];
  return withDuplicates
    .map((event, index) => ({ event, key: order[index % Math.max(order.length, 1)] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ event }) => event);
}
