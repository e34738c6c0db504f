import { describe, expect, it } from "vitest";
import { traceLink } from "../observability/trace-link";
import { buildOrderTimeline } from "./build-order-timeline";

const TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACE_B = "0af7651916cd43dd8448eb211c80319c";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));

describe("order timeline", () => {
  const timeline = buildOrderTimeline({
    statusChanges: [
      {
        id: "h2",
        fromStatus: "paid",
        toStatus: "partially_refunded",
        cause: "stripe_event:evt_3",
        note: "record_partial_refund",
        createdAt: at(7),
      },
      { id: "h1", fromStatus: null, toStatus: "pending_payment", cause: "checkout", note: null, createdAt: at(0) },
    ],
    stripeEvents: [
      {
        stripeEventId: "evt_2",
        type: "payment_intent.succeeded",
        stripeCreatedAt: at(4),
        outcome: "applied",
        traceId: TRACE_A,
      },
      {
        stripeEventId: "evt_1",
        type: "payment_intent.created",
        stripeCreatedAt: at(1),
        outcome: "stale",
        traceId: null,
      },
      { stripeEventId: "evt_4", type: "charge.refund.updated", stripeCreatedAt: at(8), outcome: null, traceId: null },
    ],
    staffActions: [
      {
        id: "a1",
        action: "refund.requested",
        actorEmail: "sam@payops.test",
        reason: "damaged",
        createdAt: at(9),
        traceId: TRACE_B,
      },
    ],
  });

  it("merges status changes, Stripe events and staff actions in time order, by Stripe's clock", () => {
    expect(timeline.map((entry) => entry.ref)).toEqual(["h1", "evt_1", "evt_2", "h2", "evt_4", "a1"]);
  });

  it("tells each entry in words, keeping the raw names and ids for the details", () => {
    expect(timeline.map((entry) => [entry.title, entry.detail])).toEqual([
      ["Created as Pending payment", "at checkout"],
      ["Payment started", "already reflected (arrived late)"],
      ["Payment succeeded", "applied to the order"],
      ["Paid → Partially refunded", "from a Stripe event"],
      ["Refund updated", "not processed yet"],
      ["Refund requested", "sam@payops.test · damaged"],
    ]);
    const words = timeline.map((entry) => `${entry.title} ${entry.detail}`).join(" ");
    expect(words).not.toMatch(/_|evt_|payment_intent\.|stripe_event/);
    expect(timeline[1]!.technical).toBe("payment_intent.created · evt_1 · outcome: stale");
    expect(timeline[3]!.technical).toBe("paid → partially_refunded · record_partial_refund · stripe_event:evt_3");
  });

  it("keeps the trace of each webhook receipt and staff action, linked through the viewer's template", () => {
    expect(timeline.map((entry) => entry.traceId)).toEqual([null, null, TRACE_A, null, null, TRACE_B]);
    const template = "https://traces.example/trace/{traceId}?from=payops";
    expect(traceLink(TRACE_A, template)).toBe(`https://traces.example/trace/${TRACE_A}?from=payops`);
    expect(traceLink(TRACE_A, undefined)).toBeNull();
    expect(traceLink("not-a-trace-id", template)).toBeNull();
  });
});
