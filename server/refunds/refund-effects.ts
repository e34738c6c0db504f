import type { EffectPerformers } from "../jobs/outbox/outbox-effect";
import { sendRefundToStripe } from "./send-refund-to-stripe";

/** The refunds room's outside effects, performed from the outbox. */
export const REFUND_EFFECTS: EffectPerformers = {
  "stripe.refund.create": async (effect, context) => {
    const outcome = await sendRefundToStripe(effect.subjectId, context);
    if (outcome.kind === "unavailable") return { kind: "retry", error: outcome.error };
    const stripeId = outcome.refund.stripeRefundId ? ` ${outcome.refund.stripeRefundId}` : "";
    return { kind: "done", result: `${outcome.kind}: refund${stripeId} is ${outcome.refund.status}` };
  },
};
