import { describe, expect, it } from "vitest";
import { buildOrderTimeline } from "./build-order-timeline";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));

describe("order timeline", () => {
  it("merges status changes, Stripe events and staff actions in time order, by Stripe's clock", () => {
    const timeline = buildOrderTimeline({
      statusChanges: [
        { id: "h2", fromStatus: "pending_payment", toStatus: "paid", cause: "evt_2", note: null, createdAt: at(5) },
        { id: "h1", fromStatus: null, toStatus: "pending_payment", cause: "checkout", note: null, createdAt: at(0) },
      ],
      stripeEvents: [
        { stripeEventId: "evt_2", type: "payment_intent.succeeded", stripeCreatedAt: at(4), outcome: "applied" },
        { stripeEventId: "evt_1", type: "payment_intent.created", stripeCreatedAt: at(1), outcome: null },
      ],
      staffActions: [
        { id: "a1", action: "refund.requested", actorEmail: "sam@payops.test", reason: "damaged", createdAt: at(9) },
      ],
    });
    expect(timeline.map((entry) => entry.ref)).toEqual(["h1", "evt_1", "evt_2", "h2", "a1"]);
    expect(timeline[0]!.title).toBe("Created as pending_payment");
    expect(timeline[1]!.detail).toBe("not processed yet");
    expect(timeline[4]!.detail).toBe("sam@payops.test · damaged");
  });
});
